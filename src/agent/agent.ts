import { createServer, type Server, type Socket } from 'node:net';
import type { RepairEngine } from '../engine/index.js';
import type { Unreached } from './live-edit.js';
import { claimSocket } from './paths.js';
import { ERRORS, LineReader, PROTOCOL_VERSION, RpcError, type Request, type Response } from './protocol.js';
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
}

export interface Agent {
  readonly path: string;
  close(): void;
}

interface Session {
  socket: Socket;
  greeted: boolean;
  tcp: boolean;
  /** Cleanups when the client goes away: streams to stop, watches to detach. */
  closers: (() => void)[];
}

/**
 * The in-process side of the control channel: a local socket only this user can open,
 * named by the pid, removed at exit. Never keeps the process alive.
 */
export function startAgent(options: AgentOptions = {}): Agent {
  // In the conventional directory, or in one of its own beside it when that one is not
  // this user's alone (paths.ts).
  const claimed = claimSocket(process.pid, options.dir);
  const path = claimed.path;
  if (claimed.fallback) process.stderr.write(`kheiron: ${claimed.fallback}: the control socket is ${path}\n`);
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

  let requests: Promise<Requests> | undefined;
  const dispatch = async (session: Session, method: string, params: Record<string, unknown>): Promise<unknown> => {
    if (method === 'hello') {
      if (params.protocol !== PROTOCOL_VERSION) throw new RpcError(ERRORS.invalidParams, `protocol ${String(params.protocol)} is not supported; this agent speaks ${PROTOCOL_VERSION}`);
      if (session.tcp && (!options.token || params.token !== options.token)) throw new RpcError(ERRORS.invalidRequest, 'a TCP client must present the token');
      session.greeted = true;
      return { protocol: PROTOCOL_VERSION, pid: process.pid };
    }
    if (!session.greeted) throw new RpcError(ERRORS.outOfOrder, `'hello' must come first, got '${method}'`);
    await options.discover?.();
    requests ??= import('./requests.js').then(({ Requests }) => new Requests(options));
    return (await requests).handle({ notify: (name, value) => notify(session, name, value), closers: session.closers }, method, params);
  };

  servers.push(listenUnix(path, serve(false)));
  if (options.tcpPort !== undefined) {
    if (!options.token) throw new Error('kheiron: a TCP agent needs a token (KHEIRON_AGENT_TOKEN)');
    const tcp = createServer(serve(true));
    tcp.listen(options.tcpPort, '127.0.0.1');
    tcp.unref();
    servers.push(tcp);
  }
  const remove = (): void => claimed.release();
  process.on('exit', remove);
  return {
    path,
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

function send(session: Session, response: Response): void {
  if (!session.socket.destroyed) session.socket.write(`${JSON.stringify(response, errorsAsText)}\n`);
}

function notify(session: Session, method: string, params: unknown): void {
  if (!session.socket.destroyed) session.socket.write(`${JSON.stringify({ jsonrpc: '2.0', method, params }, errorsAsText)}\n`);
}

function errorsAsText(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

