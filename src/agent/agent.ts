import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { AUDIT_CHANNEL, RepairEngine, RuleError, inject, type RuleSet, type Selector } from '../engine/index.js';
import { compileSelector } from '../engine/validate.js';
import { attach, functions, type CallContext } from '../runtime/index.js';
import { InstrumentParseError, parse } from '../transform/parse.js';
import type { Unreached } from './live-edit.js';
import { ensurePrivateDir, socketDir, socketPath } from './paths.js';
import { ERRORS, LineReader, PROTOCOL_VERSION, RpcError, type Request, type Response } from './protocol.js';

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
}

export interface Agent {
  readonly path: string;
  readonly engine: RepairEngine;
  close(): void;
}

interface Session {
  socket: Socket;
  greeted: boolean;
  tcp: boolean;
  /** Cleanups when the client goes away: streams to stop, watches to detach. */
  closers: (() => void)[];
}

const started = Date.now();
let imports = 0;

/**
 * The in-process side of the control channel: a local socket only this user can open,
 * named by the pid, removed at exit. Never keeps the process alive.
 */
export function startAgent(options: AgentOptions = {}): Agent {
  const dir = options.dir ?? socketDir();
  ensurePrivateDir(dir);
  const path = socketPath(process.pid, dir);
  if (existsSync(path)) unlinkSync(path); // a stale socket of an earlier process with this pid
  const engine = options.engine ?? new RepairEngine();
  const servers: Server[] = [];

  const serve = (tcp: boolean) => (socket: Socket) => {
    socket.unref();
    socket.setEncoding('utf8');
    const session: Session = { socket, greeted: false, tcp, closers: [] };
    const reader = new LineReader(
      (line) => void handle(session, line),
      () => {
        send(session, { jsonrpc: '2.0', id: null, error: { code: ERRORS.invalidRequest, message: 'message too large' } });
        socket.end();
      },
    );
    socket.on('data', (chunk: string) => reader.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      for (const close of session.closers.splice(0)) close();
    });
  };

  const handle = async (session: Session, line: string): Promise<void> => {
    let request: Request;
    try {
      request = JSON.parse(line) as Request;
    } catch {
      return send(session, { jsonrpc: '2.0', id: null, error: { code: ERRORS.parse, message: 'not valid JSON' } });
    }
    const id = request && (typeof request.id === 'string' || typeof request.id === 'number') ? request.id : null;
    try {
      if (!request || request.jsonrpc !== '2.0' || typeof request.method !== 'string') throw new RpcError(ERRORS.invalidRequest, "expected a JSON-RPC 2.0 request: {jsonrpc: '2.0', id, method, params}");
      if (request.params !== undefined && (request.params === null || typeof request.params !== 'object' || Array.isArray(request.params))) throw new RpcError(ERRORS.invalidParams, 'params must be an object');
      const result = await dispatch(session, request.method, request.params ?? {});
      send(session, { jsonrpc: '2.0', id, result });
    } catch (error) {
      const e = error instanceof RpcError ? error : new RpcError(ERRORS.internal, error instanceof Error ? error.message : String(error));
      send(session, { jsonrpc: '2.0', id, error: { code: e.code, message: e.message, ...(e.data === undefined ? {} : { data: e.data }) } });
    }
  };

  const dispatch = async (session: Session, method: string, params: Record<string, unknown>): Promise<unknown> => {
    if (method === 'hello') {
      if (params.protocol !== PROTOCOL_VERSION) throw new RpcError(ERRORS.invalidParams, `protocol ${String(params.protocol)} is not supported; this agent speaks ${PROTOCOL_VERSION}`);
      if (session.tcp && (!options.token || params.token !== options.token)) throw new RpcError(ERRORS.invalidRequest, 'a TCP client must present the token');
      session.greeted = true;
      return { protocol: PROTOCOL_VERSION, pid: process.pid };
    }
    if (!session.greeted) throw new RpcError(ERRORS.outOfOrder, `'hello' must come first, got '${method}'`);
    await options.discover?.();
    switch (method) {
      case 'status':
        return {
          pid: process.pid,
          argv: process.argv,
          node: process.version,
          uptimeS: Math.round((Date.now() - started) / 1000),
          functions: functions().length,
          rules: engine.rules().map((r) => ({ id: r.id, set: r.set, functions: r.functions.map((f) => f.name), calls: r.calls, failures: r.failures })),
          counters: engine.counters(),
        };
      case 'functions': {
        const pattern = optionalString(params, 'pattern');
        return functions(pattern ?? '**');
      }
      case 'attach':
        return attachFile(requiredString(params, 'file'), optionalString(params, 'displayName'));
      case 'detach': {
        const ids = params.ids;
        if (params.all === true) return { detached: engine.detach() };
        if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) throw new RpcError(ERRORS.invalidParams, "detach needs 'ids' (rule ids) or 'all': true");
        try {
          return { detached: engine.detach(...(ids as string[])) };
        } catch (error) {
          throw new RpcError(ERRORS.notFound, (error as Error).message.replace(/^kheiron: /, ''));
        }
      }
      case 'audit': {
        const events = engine.events();
        if (params.follow === true) {
          const listener = (event: unknown): void => notify(session, 'audit', event);
          subscribe(AUDIT_CHANNEL, listener);
          session.closers.push(() => unsubscribe(AUDIT_CHANNEL, listener));
        }
        return { events };
      }
      case 'watch':
        return watch(session, requiredString(params, 'target'), typeof params.rate === 'number' ? params.rate : 20);
      case 'inject': {
        const target = requiredString(params, 'target');
        const message = requiredString(params, 'throw');
        const times = params.times === undefined ? undefined : Number(params.times);
        if (times !== undefined && !(Number.isInteger(times) && times > 0)) throw new RpcError(ERRORS.invalidParams, "'times' must be a positive integer");
        const ruleId = `inject:${target}:${Date.now()}`;
        try {
          const [rule] = engine.attach({ name: 'cli-inject', rules: [inject(target, { id: ruleId, throw: message, times })] });
          return { id: rule!.id, functions: rule!.functions.map((f) => f.name) };
        } catch (error) {
          throw new RpcError(ERRORS.rules, (error as Error).message);
        }
      }
      default:
        throw new RpcError(ERRORS.methodNotFound, `no method '${method}' (known: hello, status, functions, attach, detach, audit, watch, inject)`);
    }
  };

  const attachFile = async (file: string, displayName?: string): Promise<unknown> => {
    const shown = (text: string): string => (displayName ? text.split(file).join(displayName) : text);
    let module: { default?: unknown };
    try {
      // A query makes a re-attach of an edited file load it afresh.
      module = (await import(`${pathToFileURL(file).href}?kheiron=${++imports}`)) as { default?: unknown };
    } catch (error) {
      throw new RpcError(ERRORS.rules, shown(describeLoadError(error, file)));
    }
    const set = module.default;
    if (!set || typeof set !== 'object') throw new RpcError(ERRORS.rules, `${displayName ?? file}: the default export must be defineRules(...)`);
    try {
      const rules = engine.attach(set as never);
      const unreachable = options.unreachable?.() ?? [];
      const targets = new Map((set as RuleSet).rules.map((r) => [r.id, r.target]));
      return {
        unprepared: options.unprepared === true,
        rules: rules.map((r) => ({
          id: r.id,
          set: r.set,
          functions: r.functions.map((f) => ({ name: f.name, module: f.module, prepared: f.prepared })),
          unreachable: matching(unreachable, targets.get(r.id)!),
        })),
      };
    } catch (error) {
      if (error instanceof RuleError || error instanceof TypeError) throw new RpcError(ERRORS.rules, shown(error.message));
      throw error;
    }
  };

  const watch = (session: Session, target: string, rate: number): unknown => {
    if (!(rate > 0)) throw new RpcError(ERRORS.invalidParams, "'rate' must be a positive number of events per second");
    let windowStart = Date.now();
    let sent = 0;
    let dropped = 0;
    const emit = (ctx: CallContext, outcome: Record<string, unknown>): void => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        if (dropped > 0) notify(session, 'watch', { dropped });
        windowStart = now;
        sent = 0;
        dropped = 0;
      }
      if (sent >= rate) {
        dropped++;
        return;
      }
      sent++;
      notify(session, 'watch', { function: ctx.entry.name, module: ctx.entry.module, args: ctx.args.map(show), durationMs: Number((performance.now() - (ctx.state.t0 as number)).toFixed(3)), ...outcome });
    };
    let handle;
    try {
      handle = attach({
        target,
        before: (ctx) => void (ctx.state.t0 = performance.now()),
        after: (ctx) => emit(ctx, { result: show(ctx.result) }),
        onThrow: (ctx) => emit(ctx, { error: show(ctx.error) }),
      });
    } catch (error) {
      throw new RpcError(ERRORS.invalidParams, (error as Error).message.replace(/^kheiron: /, ''));
    }
    session.closers.push(() => handle.detach());
    return { functions: handle.functions.map((f) => f.name) };
  };

  servers.push(listenUnix(path, serve(false)));
  if (options.tcpPort !== undefined) {
    if (!options.token) throw new Error('kheiron: a TCP agent needs a token (KHEIRON_AGENT_TOKEN)');
    const tcp = createServer(serve(true));
    tcp.listen(options.tcpPort, '127.0.0.1');
    tcp.unref();
    servers.push(tcp);
  }
  const remove = (): void => {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on('exit', remove);
  return {
    path,
    engine,
    close() {
      process.off('exit', remove);
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

/** The functions a rule's target would have matched, had they been attachable. */
function matching(unreachable: Unreached[], target: Selector): Omit<Unreached, 'kind' | 'async' | 'generator'>[] {
  const matches = compileSelector(target, (problem) => {
    throw new Error(problem);
  });
  return unreachable
    .filter((u) => u.name === '*' || matches({ ...u, id: '', static: false, safe: false, reinvocable: false, params: 0, prepared: 'in-place' }))
    .map(({ module, name, line, column, reason }) => ({ module, name, line, column, reason }));
}

function send(session: Session, response: Response): void {
  if (!session.socket.destroyed) session.socket.write(`${JSON.stringify(response, errorsAsText)}\n`);
}

function notify(session: Session, method: string, params: unknown): void {
  if (!session.socket.destroyed) session.socket.write(`${JSON.stringify({ jsonrpc: '2.0', method, params }, errorsAsText)}\n`);
}

function errorsAsText(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

function show(value: unknown): string {
  return inspect(value, { depth: 2, breakLength: Infinity, maxArrayLength: 10, maxStringLength: 200 });
}

function requiredString(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw new RpcError(ERRORS.invalidParams, `'${name}' must be a non-empty string`);
  return value;
}

function optionalString(params: Record<string, unknown>, name: string): string | undefined {
  return params[name] === undefined ? undefined : requiredString(params, name);
}

/** A syntax or load error of a rules module: file, line and problem. */
function describeLoadError(error: unknown, file: string): string {
  const e = error as Error;
  const at = new RegExp(`${escape(file)}[^:]*:(\\d+)`).exec(String(e.stack));
  if (!at && e instanceof SyntaxError) {
    // V8 keeps the position of a module's syntax error out of the stack: parse to find it.
    try {
      parse(readFileSync(file, 'utf8'), file, 'module');
    } catch (parsed) {
      if (parsed instanceof InstrumentParseError) return `${file}:${parsed.line}:${parsed.column}: SyntaxError: ${e.message}`;
    }
  }
  return `${file}${at ? `:${at[1]}` : ''}: ${e.name}: ${e.message}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
