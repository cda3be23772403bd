/**
 * The process that opens and closes the inspector of a process started without Kheiron. The
 * CLI starts it detached, in a process group of its own, so that Ctrl-C or the end of the CLI
 * cannot stop it between the signal that opens the inspector and the evaluation that closes
 * it. It reads its request as JSON in argv[2], and writes one JSON line, its report, on stdout.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { dirProblem, socketPath } from '../agent/paths.js';
import { catchesSigusr1, inspectFlags, socketInodes, tcpTable, type TcpEntry } from './procfs.js';
import { WebSocketClient } from './websocket.js';

export interface WindowRequest {
  pid: number;
  socketDir: string;
  remoteAgent: string;
}

/** Another connection to the inspector than ours, seen while it was open. */
export interface Intruder {
  port: number;
  uid?: number;
}

export type WindowReport =
  | {
      ok: true;
      port: number;
      host: string;
      marks: Record<string, number>;
      openedMs: number;
      windowMs: number;
      closedMs: number;
      intruders: Intruder[];
      agentError?: string;
      loaded: boolean;
    }
  | { ok: false; message: string };

const DEFAULT_PORT = 9229;
/** How long the port may take to open after the signal before the attach gives up. */
const OPEN_MS = 5000;
/** How long, after giving up, this process still watches for a late opening, to close it. */
const LATE_MS = 120_000;
/**
 * How long the target may take to run the evaluation that closes it, before the report says so (this process keeps
 * waiting).
 */
const CLOSE_REPORT_MS = 5000;
const AGENT_MS = 20_000;
/** The deadline in the target for an inspector opened again after the close. */
const AGAIN_MS = 1000;

const NAP_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const nap = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);
const later = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number): boolean => existsSync(`/proc/${pid}`);

class Refused extends Error {}

let reported = false;
function report(r: WindowReport): void {
  if (reported) return;
  reported = true;
  try {
    writeSync(1, `${JSON.stringify(r)}\n`);
  } catch {
    // the CLI is gone: what is left to do here is done all the same
  }
}

/** An exclusive lock in the private directory: one inspector window at a time for this user. */
async function lock(dir: string, pid: number): Promise<() => void> {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // there already, or not ours to make: the check says which
  }
  const problem = dirProblem(dir);
  if (problem !== undefined) throw new Error(`kheiron: no private directory for the inspector lock: ${problem}`);
  const path = join(dir, 'inspector.lock');
  const deadline = Date.now() + 15_000; // well within the CLI's wait for the report
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // removed already
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, 'utf8'));
    } catch {
      continue; // released meanwhile
    }
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      try {
        unlinkSync(path); // left by an attach that died
      } catch {
        // someone else took it over
      }
      continue;
    }
    if (Date.now() > deadline)
      throw new Refused(
        `another attach over the inspector (process ${holder}) has held ${path} for 15 s; try again when it is done`,
      );
    if (!alive(pid)) throw new Refused(`process ${pid} has exited`);
    await later(20);
  }
}

/** The id of the one target the inspector on `port` lists (GET /json/list, over a plain socket). */
function listJson(host: string, port: number, ours: Set<number>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => socket.destroy(new Error('the inspector did not answer')), 2000);
    let body = '';
    socket.setEncoding('latin1');
    socket.on(
      'connect',
      () =>
        ours.add(socket.localPort ?? 0) &&
        socket.write(
          `GET /json/list HTTP/1.1\r\nHost: ` +
            `${host.includes(':') ? `[${host}]` : host}:${port}\r\nConnection: close\r\n\r\n`,
        ),
    );
    socket.on('data', (chunk: string) => {
      body += chunk;
      const ids = [...body.matchAll(/"id"\s*:\s*"([0-9a-f-]+)"/g)].map((m) => m[1]!);
      // The list is small and complete when its closing bracket arrives.
      if (/\]\s*$/.test(body) && ids.length > 0) {
        clearTimeout(timer);
        socket.destroy();
        if (ids.length !== 1) reject(new Error(`the inspector on port ${port} lists ${ids.length} targets`));
        else resolve(ids[0]!);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`the inspector on port ${port} closed the connection`));
    });
  });
}

/** Whether something listens on the Unix socket `path` (it exists between bind and listen). */
function accepts(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ path });
    s.on('connect', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

/** Loads what the window needs before it opens: the first socket and the first random bytes cost milliseconds. */
function warmUp(): Promise<void> {
  randomBytes(16);
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port: 1 });
    s.on('error', () => resolve());
    s.on('connect', () => (s.destroy(), resolve()));
  });
}

/**
 * Connections to `port` other than ours and other than those there before the signal: any
 * state but LISTEN, so that a connection closed meanwhile still shows (TIME_WAIT, 60 s on
 * Linux), unless it was reset. Keyed by the connecting side's port.
 */
function others(
  table: TcpEntry[],
  port: number,
  ours: Set<number>,
  before: Set<string>,
  seen: Map<number, Intruder>,
): void {
  for (const e of table) {
    if (e.state === 'listen' || !e.loopback) continue;
    const peer = e.localPort === port ? e.remotePort : e.remotePort === port ? e.localPort : undefined;
    if (peer === undefined || ours.has(peer) || before.has(`${e.localPort}-${e.remotePort}`)) continue;
    const intruder = seen.get(peer) ?? { port: peer };
    seen.set(peer, intruder);
    // The connecting side's socket names the user who opened it (a closed one names nobody).
    if (e.localPort === peer && e.inode !== 0) intruder.uid = e.uid;
  }
}

function describe(found: Intruder[]): string {
  const uids = [...new Set(found.map((x) => x.uid).filter((u) => u !== undefined))];
  return `${found.length} connection${found.length === 1 ? '' : 's'}${uids.length ? ` by uid ${uids.join(', ')}` : ''}`;
}

/**
 * What the target evaluates, first and only: close the inspector (the port stops accepting,
 * every session ends, this one too, so no answer comes back), then load the agent, whose
 * control socket tells the CLI the rest. A failure to load is left in the private directory.
 */
function evaluation(request: WindowRequest, load: boolean, errorFile: string): string {
  // SIGUSR1 asks Node to start the inspector twice over: on an interrupt of the main thread
  // and on the event loop. A loop busy in JavaScript takes the interrupt, and the loop's start
  // comes when it is free, after this close: it opens the inspector again, to be closed in
  // the same turn of the loop (setImmediate runs right after the loop's poll phase), and by a
  // deadline in case a turn is missed.
  const steps = [
    `const inspector = process.getBuiltinModule('inspector'); inspector.close();`,
    `const again = () => { if (inspector.url() !== undefined) inspector.close(); };`,
    `setImmediate(again); setTimeout(again, ${AGAIN_MS}).unref();`,
  ];
  if (load) {
    const agent = JSON.stringify(request.remoteAgent);
    steps.push(
      `try { process.getBuiltinModule('module').createRequire(${agent})(${agent}).start(${JSON.stringify({ socketDir: request.socketDir })}); }`,
      `catch (e) { try { process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(errorFile)}, String(e && e.message || e), { mode: 0o600 }); } catch {} }`,
    );
  }
  return `(() => { ${steps.join(' ')} })()`;
}

/** What the steps of one window share: the target, what was there before the signal, who connected since. */
interface Window {
  request: WindowRequest;
  pid: number;
  /** The TCP tables the inspector can be in. */
  files: ('tcp' | 'tcp6')[];
  /** The target's sockets that are not its inspector: those before the signal, and new ones seen not listening. */
  settled: Set<number>;
  /** Connections (local-remote port) that were there before the signal. */
  earlier: Set<string>;
  /** Where the target leaves the reason the agent did not load. */
  errorFile: string;
  /** Our own connections' local ports. */
  ours: Set<number>;
  intruders: Map<number, Intruder>;
  /** When the signal was sent. */
  t0: number;
}

/** The inspector once it listens, and our session on it. */
interface Opened {
  listener: TcpEntry;
  port: number;
  openedMs: number;
  marks: Record<string, number>;
  ws: WebSocketClient | undefined;
  /** The evaluation sent loads the agent: nobody else connected, on loopback, in time. */
  load: boolean;
}

/**
 * The window, step by step: refuse what is not safe to open, take the lock, signal, find the
 * inspector the signal opened, send it the evaluation that closes it, wait until it is
 * closed, then wait for the agent. Whatever happens, the inspector is closed before this ends.
 */
async function openAndClose(request: WindowRequest): Promise<void> {
  const flags = refuseUnsafe(request.pid);
  const release = await lock(request.socketDir, request.pid);
  try {
    const window = beforeSignal(request, flags);
    await warmUp();
    process.kill(request.pid, 'SIGUSR1');
    window.t0 = performance.now();
    const listener = await awaitOpening(window, release);
    if (!listener) return;
    const opened = await sendEvaluation(window, listener);
    const closedMs = await awaitClosing(window, opened);
    await reportClosed(window, opened, closedMs);
  } finally {
    release();
  }
}

/** The flags the inspector would open with, once it is known to open on loopback only, and only by our signal. */
function refuseUnsafe(pid: number): ReturnType<typeof inspectFlags> {
  if (!catchesSigusr1(pid)) {
    throw new Refused(
      `process ${pid} did not open its inspector: it does not handle SIGUSR1 (it is not a Node.js process, or it ` +
        `runs with` +
        ' --disable-sigusr1 or the permission model); nothing was sent to it',
    );
  }
  const flags = inspectFlags(pid);
  if (flags.open) {
    throw new Refused(
      `process ${pid} was started with ${flags.open}: its inspector is open already, to whoever connects to it;` +
        ' kheiron does not attach through an inspector it did not open',
    );
  }
  if (flags.host !== undefined && !/^(127\.\d+\.\d+\.\d+|localhost|::1)$/.test(flags.host)) {
    throw new Refused(
      `process ${pid} would open its inspector on ${flags.host} (--inspect-port), not on loopback: refused`,
    );
  }
  return flags;
}

/**
 * What is there before the signal: the port must be free, and the connections and sockets already there are not the
 * inspector's.
 */
function beforeSignal(request: WindowRequest, flags: ReturnType<typeof inspectFlags>): Window {
  const { pid } = request;
  const expected = flags.port ?? DEFAULT_PORT;
  const before = tcpTable(pid);
  const own = socketInodes(pid);
  const taken = before.find((e) => e.state === 'listen' && e.localPort === expected);
  if (taken) {
    throw new Refused(
      own.has(taken.inode)
        ? `process ${pid} listens on port ${expected} already, where it would open its inspector: its inspector is ` +
            `open already, or the application uses that port`
        : `port ${expected}, where process ${pid} would open its inspector, is taken by another process`,
    );
  }
  const errorFile = join(request.socketDir, `${pid}.attach-error`);
  if (existsSync(errorFile)) unlinkSync(errorFile);
  return {
    request,
    pid,
    files: flags.host?.includes(':') ? ['tcp6'] : ['tcp'],
    settled: new Set(own),
    earlier: new Set(before.filter((e) => e.state !== 'listen').map((e) => `${e.localPort}-${e.remotePort}`)),
    errorFile,
    ours: new Set(),
    intruders: new Map(),
    t0: NaN,
  };
}

/**
 * The listening socket that appears in the target after the signal is its inspector,
 * whichever port it chose (--inspect-port, process.debugPort). The target's descriptors are
 * cheap to list; the TCP table (all the machine's connections) is read only when a new
 * socket shows up there.
 */
function findInspector(window: Window): TcpEntry | undefined {
  const fresh = [...socketInodes(window.pid)].filter((i) => !window.settled.has(i));
  if (fresh.length === 0) return undefined;
  const table = tcpTable(window.pid, window.files);
  for (const e of table) if (fresh.includes(e.inode) && e.state !== 'listen') window.settled.add(e.inode);
  return table.find((e) => e.state === 'listen' && fresh.includes(e.inode));
}

/**
 * The inspector, once it listens. When it does not open in time, the CLI is told and the lock
 * released, and this process goes on watching for a late opening, to close it.
 */
async function awaitOpening(window: Window, release: () => void): Promise<TcpEntry | undefined> {
  const { pid, t0 } = window;
  let listener: TcpEntry | undefined;
  while (!listener && performance.now() - t0 < OPEN_MS && alive(pid)) {
    listener = findInspector(window);
    if (!listener) nap(performance.now() - t0 < 2000 ? 0.25 : NAP_MS);
  }
  if (listener) return listener;
  report({
    ok: false,
    message:
      `process ${pid} did not open its inspector within ${OPEN_MS / 1000} s of the signal: its main thread may be ` +
      `blocked` +
      ' (Node opens the inspector on it), or its inspector is open already (inspector.open()); if it opens later, ' +
      'kheiron closes it at once',
  });
  release();
  const end = performance.now() + LATE_MS;
  while (!listener && performance.now() < end && alive(pid)) {
    await later(25);
    listener = findInspector(window);
  }
  return listener;
}

/**
 * Connects to the inspector and sends the evaluation: the one that loads the agent, unless anyone else is connected.
 */
async function sendEvaluation(window: Window, listener: TcpEntry): Promise<Opened> {
  const { pid, t0, ours, intruders } = window;
  const opened: Opened = {
    listener,
    port: listener.localPort,
    openedMs: performance.now() - t0,
    marks: {},
    ws: undefined,
    load: false,
  };
  const host = listener.localAddress.includes(':') ? '::1' : '127.0.0.1';
  try {
    const id = await listJson(host, opened.port, ours);
    opened.marks.list = performance.now() - t0;
    // Who else is connected, read while the target accepts the session (it takes a turn of
    // its main thread), so as not to lengthen the window: if anyone, close, load nothing, say so.
    opened.ws = await WebSocketClient.connect(
      `ws://${host.includes(':') ? `[${host}]` : host}:${opened.port}/${id}`,
      3000,
      (localPort) => {
        ours.add(localPort);
        others(tcpTable(pid, window.files), opened.port, ours, window.earlier, intruders);
      },
    );
    ours.add(opened.ws.localPort);
    // A late opening, after the CLI gave up: close it, load nothing.
    opened.load = intruders.size === 0 && listener.loopback && !reported;
    opened.marks.upgraded = performance.now() - t0;
    const expression = evaluation(window.request, opened.load, window.errorFile);
    opened.ws.send(
      JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, includeCommandLineAPI: false } }),
    );
  } catch (error) {
    report({
      ok: false,
      message:
        `could not reach the inspector of process ` +
        `${pid} on port ${opened.port}: ${(error as Error).message}; kheiron keeps trying to close it`,
    });
  }
  return opened;
}

/**
 * Waits until the target closed its inspector: closing ends every session, ours too; then the
 * listening socket is gone. Connects again if the first try failed. Returns when it closed
 * (NaN if the target exited first).
 */
async function awaitClosing(window: Window, opened: Opened): Promise<number> {
  const { pid, t0, ours } = window;
  const { port } = opened;
  let reportedLate = false;
  let ended = false;
  void opened.ws?.closed().then(() => (ended = true));
  for (let i = 0; alive(pid); i++) {
    const waited = performance.now() - t0 - opened.openedMs;
    if (ended || i % 10 === 0) {
      const table = tcpTable(pid, window.files);
      if (!table.some((e) => e.inode === opened.listener.inode)) return performance.now() - t0;
      others(table, port, ours, window.earlier, window.intruders);
    }
    if (waited > CLOSE_REPORT_MS && !reportedLate) {
      reportedLate = true;
      report({
        ok: false,
        message:
          `process ${pid} has not run the evaluation that closes its inspector ` +
          `(127.0.0.1:${port}) within ${CLOSE_REPORT_MS / 1000} s:` +
          ' its main thread is blocked; the inspector stays open until it runs JavaScript again, and then closes ' +
          'first thing',
      });
    }
    if (opened.ws === undefined && waited > 1000) {
      // The first try failed: connect again and send the closing evaluation alone.
      try {
        opened.ws = await WebSocketClient.connect(`ws://127.0.0.1:${port}/${await listJson('127.0.0.1', port, ours)}`);
        ours.add(opened.ws.localPort);
        void opened.ws.closed().then(() => (ended = true));
        opened.ws.send(
          JSON.stringify({
            id: 1,
            method: 'Runtime.evaluate',
            params: { expression: evaluation(window.request, false, window.errorFile) },
          }),
        );
      } catch {
        opened.ws = undefined;
      }
    }
    await later(waited < 2000 ? 1 : waited < LATE_MS ? 20 : 1000);
  }
  return NaN;
}

/** The report, once the inspector is closed: who else connected, and whether the agent started. */
async function reportClosed(window: Window, opened: Opened, closedMs: number): Promise<void> {
  const { pid } = window;
  const { listener, openedMs } = opened;
  opened.ws?.close();
  others(tcpTable(pid, window.files), opened.port, window.ours, window.earlier, window.intruders);
  const windowMs = closedMs - openedMs;
  const found = [...window.intruders.values()];
  if (!opened.load) {
    const message =
      found.length > 0
        ? `other connections reached the inspector of process ` +
          `${pid} before kheiron's (${describe(found)}): kheiron closed it ` +
          `${windowMs.toFixed(1)} ms after it opened and loaded nothing, but they may have run code in the process`
        : listener.loopback
          ? `process ${pid}: the inspector was closed, nothing was loaded`
          : `process ${pid} opened its inspector on ${listener.localAddress}, not on loopback: it was closed ` +
            `${windowMs.toFixed(1)} ms after it opened and nothing was loaded`;
    report({ ok: false, message });
    return;
  }
  const agentError = await agentStarted(window);
  const loaded = { loaded: agentError === undefined, ...(agentError === undefined ? {} : { agentError }) };
  report({
    ok: true,
    port: opened.port,
    host: listener.localAddress,
    marks: opened.marks,
    openedMs,
    windowMs,
    closedMs,
    intruders: found,
    ...loaded,
  });
}

/** Waits for the agent's socket: undefined once it answers, else the reason it did not start. */
async function agentStarted(window: Window): Promise<string | undefined> {
  const { pid, errorFile } = window;
  const agent = socketPath(pid, window.request.socketDir);
  for (const end = performance.now() + AGENT_MS; performance.now() < end && alive(pid); await later(10)) {
    if (existsSync(errorFile)) {
      const problem = readFileSync(errorFile, 'utf8');
      unlinkSync(errorFile);
      return problem;
    }
    if (existsSync(agent) && (await accepts(agent))) return undefined;
  }
  return `its control socket did not answer within ${AGENT_MS / 1000} s (its main thread is busy?)`;
}

const request = JSON.parse(process.argv[2]!) as WindowRequest;
process.on('SIGINT', () => {}); // Ctrl-C in the CLI's terminal ends the CLI, never this
process.on('SIGHUP', () => {});
openAndClose(request).then(
  () => report({ ok: false, message: `process ${request.pid} has exited` }),
  (error: unknown) =>
    report({
      ok: false,
      message:
        error instanceof Refused ? error.message : `attach over the inspector failed: ${(error as Error).message}`,
    }),
);
