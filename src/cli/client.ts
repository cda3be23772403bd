import { connect, type Socket } from 'node:net';
import { readEnv } from '../config/env.js';
import { LineReader, PROTOCOL_VERSION, type Response } from '../agent/protocol.js';
import { printable } from './printable.js';
import { locateAgent, UnreachableError, UntrustedError } from './locate.js';

export { UnreachableError, UntrustedError };

/** The agent answered with an error: its code and message. */
export class RemoteError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The agent did not answer in time: its event loop is busy or blocked. */
export class NotRespondingError extends UnreachableError {}

/** How long a request waits for its answer unless told otherwise (KHEIRON_TIMEOUT_MS). */
export const REQUEST_TIMEOUT_MS = readEnv('KHEIRON_TIMEOUT_MS');

/** A connection to the agent of one process: requests, and notifications it streams. */
export class AgentClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(method: string, params: unknown) => void>();

  private constructor(
    private readonly socket: Socket,
    private readonly pid: number,
  ) {
    socket.setEncoding('utf8');
    const reader = new LineReader(
      (line) => this.receive(line),
      () => socket.destroy(new Error('the agent sent a message too large')),
    );
    socket.on('data', (chunk: string) => reader.push(chunk));
    socket.on('error', () => {}); // 'close' follows, and rejects what is pending
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new UnreachableError('the agent closed the connection'));
      this.pending.clear();
    });
  }

  /**
   * Connects to the agent of `pid` once its directory, socket and process are checked
   * (locate.ts), and has its `hello` confirm the pid.
   */
  static async open(pid: number, timeoutMs = 3000): Promise<AgentClient> {
    if (!processExists(pid)) throw new UnreachableError(`no process ${pid}`);
    const path = locateAgent(pid);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(path);
      const timer = setTimeout(() => s.destroy(new Error('timed out')), timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const why =
          error.code === 'ENOENT'
            ? 'no Kheiron agent (was it started with kheiron/register?)'
            : error.code === 'EACCES'
              ? 'permission denied'
              : error.code === 'ECONNREFUSED'
                ? 'the agent is not listening (the process has exited?)'
                : error.message;
        reject(new UnreachableError(`process ${pid}: ${why} (${path})`));
      });
    });
    const client = new AgentClient(socket, pid);
    let hello: { pid?: unknown };
    try {
      hello = await client.call('hello', { protocol: PROTOCOL_VERSION }, timeoutMs);
    } catch (error) {
      client.close();
      throw error;
    }
    if (hello?.pid !== pid) {
      client.close();
      throw new UntrustedError(
        `process ${pid}: refusing ${path}: the agent there says it is process ${printable(String(hello?.pid))}`,
      );
    }
    return client;
  }

  /** One request; rejected with NotRespondingError when no answer comes within `timeoutMs`. */
  call(method: string, params: Record<string, unknown> = {}, timeoutMs = REQUEST_TIMEOUT_MS): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new NotRespondingError(
            `process ${this.pid}: no answer to '${method}' within ${(timeoutMs / 1000).toFixed(1)} s: its event loop is busy or blocked`,
          ),
        );
      }, timeoutMs);
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T): void => {
          clearTimeout(timer);
          f(v);
        };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.socket.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  }

  onNotification(listener: (method: string, params: any) => void): void {
    this.listeners.add(listener);
  }

  /** Resolves when the agent closes the connection. */
  closed(): Promise<void> {
    return new Promise((resolve) => (this.socket.destroyed ? resolve() : this.socket.once('close', () => resolve())));
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private receive(line: string): void {
    let message: Response & { method?: string; params?: unknown };
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    if (message.method !== undefined && message.id === undefined) {
      for (const listener of this.listeners) listener(message.method, message.params);
      return;
    }
    if (message.id === null && message.error) {
      // An error about no request in particular (a message too large): it answers all of them.
      for (const { reject } of this.pending.values())
        reject(new RemoteError(message.error.code, message.error.message));
      this.pending.clear();
      return;
    }
    const waiter = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!waiter) return;
    this.pending.delete(message.id as number);
    if (message.error) waiter.reject(new RemoteError(message.error.code, message.error.message));
    else waiter.resolve(message.result);
  }
}

/** Whether a process with this pid exists (perhaps another user's). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
