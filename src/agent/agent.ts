import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { RepairEngine } from '../engine/index.js';
import type { Unreached } from '../live-edit/index.js';
import { claimSocket } from './paths.js';
import { ERRORS, LIMITS, LineReader, MAX_MESSAGE, PROTOCOL_VERSION, RpcError, type Request, type Response } from './protocol.js';
import type { Requests } from './requests.js';

export interface AgentOptions {
  /** Directory of the control socket (default: the private per-user directory). */
  dir?: string;
  /** Also listen on this loopback TCP port, for clients that present `token`. */
  tcpPort?: number;
  token?: string;
  engine?: RepairEngine;
  /** Called before each request that reads or selects functions: registers newly reachable ones. */
  discover?: () => void | Promise<void>;
  /** Functions that could not be made attachable, and why: each rule's report lists those it would match. */
  unreachable?: () => Unreached[];
  /** The process was started without Kheiron: its functions are edited in place or patched, where they can be. */
  unprepared?: boolean;
  /** Where the agent's own problems are reported (default: stderr). They never stop the application. */
  report?: (message: string) => void;
}

export interface Agent {
  readonly path: string;
  close(): void;
}

interface Session {
  socket: Socket;
  reader: LineReader;
  greeted: boolean;
  tcp: boolean;
  /** Messages received and not answered yet, answered one at a time, in order; and their size. */
  queue: string[];
  queued: number;
  /** A message of `queue` is being answered. */
  busy: boolean;
  /** Goes on answering the queue (after the output has drained). */
  next: () => void;
  /** The connection is being closed: nothing more is read or sent. */
  closing: boolean;
  /** Notifications not sent because the client did not read, per method, since the client was last told. */
  dropped: Map<string, number>;
  /** Runs while the output is over the buffer: disconnects a client that stays stalled. */
  stall?: NodeJS.Timeout;
  /** Runs while a message is incomplete: it must arrive whole in time. */
  message?: NodeJS.Timeout;
  /** Runs until a TCP client has authenticated. */
  authentication?: NodeJS.Timeout;
  /** Cleanups when the client goes away: streams to stop, watches to detach. */
  closers: (() => void)[];
  /** Called once, when the client has said hello (and authenticated, over TCP). */
  greetedHook?: () => void;
}

/**
 * The in-process side of the control channel: a local socket only this user can open,
 * named by the pid, removed at exit (also at SIGTERM, SIGINT and SIGHUP that the application
 * does not handle itself). Never keeps the process alive, and never stops it: a problem of the
 * agent's (a TCP port in use, a bad setting) is reported on stderr and the application runs on.
 */
export function startAgent(options: AgentOptions = {}): Agent {
  const report = options.report ?? ((message: string) => void process.stderr.write(`kheiron: ${message}\n`));
  // In the conventional directory, or in one of its own beside it when that one is not
  // this user's alone (paths.ts).
  const claimed = claimSocket(process.pid, options.dir);
  const path = claimed.path;
  if (claimed.fallback) report(`${claimed.fallback}: the control socket is ${path}`);
  const servers: Server[] = [];
  let unauthenticated = 0;
  let expectedToken: Buffer | undefined;

  const serve = (tcp: boolean) => (socket: Socket) => {
    socket.unref();
    socket.on('error', () => {});
    if (tcp && unauthenticated >= LIMITS.unauthenticatedConnections) {
      socket.destroy();
      return;
    }
    const session: Session = {
      socket,
      reader: undefined as unknown as LineReader,
      greeted: false,
      tcp,
      queue: [],
      queued: 0,
      busy: false,
      next: () => void pump(session),
      closing: false,
      dropped: new Map(),
      closers: [],
    };
    session.reader = new LineReader(
      (line) => {
        session.queue.push(line);
        session.queued += line.length;
        // Messages wait while one is answered; past a message's worth, nothing more is read.
        if (session.queued > session.reader.max) socket.pause();
        void pump(session);
      },
      () => closeWith(session, ERRORS.invalidRequest, 'message too large'),
      tcp ? LIMITS.unauthenticatedMessage : MAX_MESSAGE,
    );
    let counted = tcp;
    if (tcp) {
      unauthenticated++;
      session.authentication = setTimeout(() => closeWith(session, ERRORS.invalidRequest, `not authenticated within ${LIMITS.authenticateMs / 1000} s`), LIMITS.authenticateMs).unref();
    }
    let messageLine = 0;
    socket.on('data', (chunk: Buffer) => {
      session.reader.push(chunk);
      if (session.closing) return;
      if (session.reader.pending > 0) {
        // A message has begun: it must arrive whole in time (counted from its first chunk).
        if (!session.message || messageLine !== session.reader.lines) {
          clearTimeout(session.message);
          messageLine = session.reader.lines;
          session.message = setTimeout(() => closeWith(session, ERRORS.invalidRequest, `a message must arrive whole within ${LIMITS.messageMs / 1000} s`), LIMITS.messageMs).unref();
          socket.setTimeout(LIMITS.idleInMessageMs);
        }
      } else if (session.message) {
        clearTimeout(session.message);
        session.message = undefined;
        socket.setTimeout(0);
      }
    });
    socket.on('timeout', () => {
      if (session.reader.pending > 0) closeWith(session, ERRORS.invalidRequest, `no data for ${LIMITS.idleInMessageMs / 1000} s in the middle of a message`);
    });
    socket.on('close', () => {
      if (counted) unauthenticated--;
      counted = false;
      session.closing = true;
      session.reader.stop();
      for (const timer of [session.stall, session.message, session.authentication]) clearTimeout(timer);
      for (const close of session.closers.splice(0)) close();
    });
    session.greetedHook = () => {
      if (counted) unauthenticated--;
      counted = false;
      clearTimeout(session.authentication);
      session.reader.max = MAX_MESSAGE;
    };
  };

  /** Answers the queued messages one at a time, while the client reads what it is sent. */
  const pump = async (session: Session): Promise<void> => {
    if (session.busy) return;
    session.busy = true;
    try {
      while (session.queue.length > 0 && !session.closing && !session.stall) {
        const line = session.queue.shift()!;
        session.queued -= line.length;
        await handle(session, line);
      }
    } finally {
      session.busy = false;
    }
    if (!session.closing && !session.stall && session.queued <= session.reader.max) session.socket.resume();
  };

  const handle = async (session: Session, line: string): Promise<void> => {
    if (session.closing) return;
    // Before it has authenticated, a TCP client gets one message: a hello with the token.
    const tcpFirst = session.tcp && !session.greeted;
    let request: Request;
    try {
      request = JSON.parse(line) as Request;
    } catch {
      reply(session, { jsonrpc: '2.0', id: null, error: { code: ERRORS.parse, message: 'not valid JSON' } });
      if (tcpFirst) closeWith(session);
      return;
    }
    const id = request && (typeof request.id === 'string' || typeof request.id === 'number') ? request.id : null;
    try {
      if (!request || typeof request !== 'object' || request.jsonrpc !== '2.0' || typeof request.method !== 'string') throw new RpcError(ERRORS.invalidRequest, "expected a JSON-RPC 2.0 request: {jsonrpc: '2.0', id, method, params}");
      if (request.params !== undefined && (request.params === null || typeof request.params !== 'object' || Array.isArray(request.params))) throw new RpcError(ERRORS.invalidParams, 'params must be an object');
      const result = await dispatch(session, request.method, request.params ?? {});
      reply(session, { jsonrpc: '2.0', id, result });
    } catch (error) {
      const e = error instanceof RpcError ? error : new RpcError(ERRORS.internal, error instanceof Error ? error.message : String(error));
      reply(session, { jsonrpc: '2.0', id, error: { code: e.code, message: e.message, ...(e.data === undefined ? {} : { data: e.data }) } });
    }
    if (tcpFirst && !session.greeted) closeWith(session);
  };

  const tokenMatches = (token: unknown): boolean => {
    if (!expectedToken || typeof token !== 'string') return false;
    // Compared as digests, in constant time: neither the length nor a prefix of the token leaks.
    return timingSafeEqual(createHash('sha256').update(token).digest(), expectedToken);
  };

  let requests: Promise<Requests> | undefined;
  const dispatch = async (session: Session, method: string, params: Record<string, unknown>): Promise<unknown> => {
    if (method === 'hello') {
      if (params.protocol !== PROTOCOL_VERSION) throw new RpcError(ERRORS.invalidParams, `protocol ${String(params.protocol)} is not supported; this agent speaks ${PROTOCOL_VERSION}`);
      if (session.tcp && !session.greeted && !tokenMatches(params.token)) {
        await new Promise((resolve) => setTimeout(resolve, LIMITS.failedAuthenticationDelayMs).unref());
        throw new RpcError(ERRORS.invalidRequest, 'a TCP client must present the token');
      }
      if (!session.greeted) {
        session.greeted = true;
        session.greetedHook?.();
      }
      return { protocol: PROTOCOL_VERSION, pid: process.pid };
    }
    if (!session.greeted) throw new RpcError(ERRORS.outOfOrder, `'hello' must come first, got '${method}'`);
    await options.discover?.();
    requests ??= import('./requests.js').then(({ Requests }) => new Requests(options));
    return (await requests).handle({ notify: (name, value) => notify(session, name, value), closers: session.closers }, method, params);
  };

  const unix = listenUnix(path, serve(false));
  unix.on('error', (error: NodeJS.ErrnoException) => report(`agent not listening on ${path}: ${error.code ?? error.message}`));
  servers.push(unix);
  if (options.tcpPort !== undefined) {
    const port = options.tcpPort;
    const only = `; the agent listens on ${path} only`;
    if (!Number.isInteger(port) || port < 0 || port > 65535) report(`TCP agent not started: port ${String(port)} is not a port number (0-65535; KHEIRON_AGENT_TCP)${only}`);
    else if (!options.token) report(`TCP agent not started: it needs a token (KHEIRON_AGENT_TOKEN) of at least ${LIMITS.minTokenLength} characters${only}`);
    else if (options.token.length < LIMITS.minTokenLength) report(`TCP agent not started: the token (KHEIRON_AGENT_TOKEN) has ${options.token.length} characters; at least ${LIMITS.minTokenLength} are needed${only}`);
    else {
      expectedToken = createHash('sha256').update(options.token).digest();
      const tcp = createServer(serve(true));
      tcp.on('error', (error: NodeJS.ErrnoException) => {
        report(`TCP agent not listening on 127.0.0.1:${port}: ${error.code ?? ''} ${error.message}${only}`.replace(/ {2,}/g, ' '));
        tcp.close();
      });
      tcp.listen(port, '127.0.0.1');
      tcp.unref();
      servers.push(tcp);
    }
  }
  const remove = (): void => claimed.release();
  process.on('exit', remove);
  const untrap = trapSignals(remove);
  return {
    path,
    close() {
      process.off('exit', remove);
      untrap();
      for (const server of servers) server.close();
      remove();
    },
  };
}

/** Creates the socket with mode 0600 from the start: no moment where others could connect. */
function listenUnix(path: string, onConnection: (socket: Socket) => void): Server {
  const server = createServer(onConnection);
  const umask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(umask);
  }
  server.unref();
  return server;
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const atSignal = new Set<() => void>();
let trapped = false;

/**
 * Runs `cleanup` when the process is about to die of SIGTERM, SIGINT or SIGHUP, without
 * changing what the signal does: where the application listens for the signal itself, it
 * decides (and the 'exit' listener cleans up if it exits); where it does not, the listener is
 * removed after the cleanup and the signal raised again, so the process dies of it as it would have.
 */
function trapSignals(cleanup: () => void): () => void {
  atSignal.add(cleanup);
  if (!trapped) {
    trapped = true;
    for (const signal of SIGNALS) {
      const listener = (): void => {
        if (process.listenerCount(signal) > 1) return;
        for (const run of atSignal) {
          try {
            run();
          } catch {
            // the others still run
          }
        }
        process.off(signal, listener);
        process.kill(process.pid, signal);
      };
      process.on(signal, listener);
    }
  }
  return () => void atSignal.delete(cleanup);
}

/** Answers a request: never dropped, however slowly the client reads. */
function reply(session: Session, response: Response): void {
  write(session, serialise(response), undefined);
}

/** A notification: dropped (and counted, and the client told) while the client does not read. */
function notify(session: Session, method: string, params: unknown): void {
  write(session, undefined, { method, params });
}

function write(session: Session, text: string | undefined, notification: { method: string; params: unknown } | undefined): void {
  const { socket } = session;
  if (socket.destroyed || session.closing) return;
  if (notification && socket.writableLength >= LIMITS.outputBuffer) {
    session.dropped.set(notification.method, (session.dropped.get(notification.method) ?? 0) + 1);
    stalled(session);
    return;
  }
  tellDropped(session);
  socket.write(text ?? serialise({ jsonrpc: '2.0', method: notification!.method, params: notification!.params }));
  if (socket.writableLength >= LIMITS.outputBuffer) stalled(session);
}

function tellDropped(session: Session): void {
  if (session.dropped.size === 0) return;
  for (const [method, dropped] of session.dropped) session.socket.write(serialise({ jsonrpc: '2.0', method: 'dropped', params: { method, dropped, reason: 'the client did not read fast enough' } }));
  session.dropped.clear();
}

/**
 * The client's output is over the buffer: requests are not read until it drains, and a client
 * that does not drain it in time is disconnected (which ends its streams and watches).
 */
function stalled(session: Session): void {
  if (session.stall) return;
  const { socket } = session;
  socket.pause();
  session.stall = setTimeout(() => socket.destroy(), LIMITS.stalledMs).unref();
  socket.once('drain', () => {
    clearTimeout(session.stall);
    session.stall = undefined;
    if (socket.destroyed || session.closing) return;
    tellDropped(session);
    session.next();
  });
}

/** Sends an error (if any), then closes the connection; reads nothing more from it. */
function closeWith(session: Session, code?: number, message?: string): void {
  if (session.closing) return;
  if (code !== undefined && message !== undefined) reply(session, { jsonrpc: '2.0', id: null, error: { code, message } });
  session.closing = true;
  session.reader.stop();
  session.socket.end();
  // A client that does not read its last message is not waited for.
  setTimeout(() => session.socket.destroy(), 2000).unref();
}

/** JSON of a message, whatever the values it carries: a value that cannot be written is replaced by a marker. */
function serialise(message: object): string {
  try {
    return `${JSON.stringify(message, errorsAsText)}\n`;
  } catch {
    const seen = new WeakSet<object>();
    try {
      return `${JSON.stringify(message, (key, value: unknown) => {
        const v = errorsAsText(key, value);
        if (v !== null && typeof v === 'object') {
          if (seen.has(v)) return '[Circular]';
          seen.add(v);
        }
        return v;
      })}\n`;
    } catch (error) {
      const { id, method } = message as { id?: unknown; method?: unknown };
      const unserialisable = `[not serialisable: ${error instanceof Error ? error.message : 'unknown error'}]`;
      return `${JSON.stringify(method === undefined ? { jsonrpc: '2.0', id: id ?? null, error: { code: ERRORS.internal, message: unserialisable } } : { jsonrpc: '2.0', method, params: unserialisable })}\n`;
    }
  }
}

function errorsAsText(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}
