import { connect, type Socket } from 'node:net';
import { socketPath } from '../agent/paths.js';
import { LineReader, PROTOCOL_VERSION, type Response } from '../agent/protocol.js';

/** The agent answered with an error: its code and message. */
export class RemoteError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** The process has no agent we can reach: exit code 3. */
export class UnreachableError extends Error {}

/** A connection to the agent of one process: requests, and notifications it streams. */
export class AgentClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(method: string, params: unknown) => void>();

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    const reader = new LineReader(
      (line) => this.receive(line),
      () => socket.destroy(new Error('the agent sent a message too large')),
    );
    socket.on('data', (chunk: string) => reader.push(chunk));
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new UnreachableError('the agent closed the connection'));
      this.pending.clear();
    });
  }

  static async open(pid: number, timeoutMs = 3000): Promise<AgentClient> {
    const path = socketPath(pid);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(path);
      const timer = setTimeout(() => s.destroy(new Error('timed out')), timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const why = error.code === 'ENOENT' ? 'no Kheiron agent (was it started with kheiron/register?)' : error.code === 'EACCES' ? 'permission denied' : error.code === 'ECONNREFUSED' ? 'the agent is not listening (the process has exited?)' : error.message;
        reject(new UnreachableError(`process ${pid}: ${why} (${path})`));
      });
    });
    const client = new AgentClient(socket);
    await client.call('hello', { protocol: PROTOCOL_VERSION });
    return client;
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
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
    const waiter = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!waiter) return;
    this.pending.delete(message.id as number);
    if (message.error) waiter.reject(new RemoteError(message.error.code, message.error.message));
    else waiter.resolve(message.result);
  }
}
