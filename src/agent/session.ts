import type { Socket } from 'node:net';
import { ERRORS, LIMITS, type LineReader, type Response } from './protocol.js';

/** One client's connection to the agent, and what it has cost so far. */
export interface Session {
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

/** Answers a request: never dropped, however slowly the client reads. */
export function reply(session: Session, response: Response): void {
  write(session, serialise(response), undefined);
}

/** A notification: dropped (and counted, and the client told) while the client does not read. */
export function notify(session: Session, method: string, params: unknown): void {
  write(session, undefined, { method, params });
}

/** Sends an error (if any), then closes the connection; reads nothing more from it. */
export function closeWith(session: Session, code?: number, message?: string): void {
  if (session.closing) return;
  if (code !== undefined && message !== undefined)
    reply(session, { jsonrpc: '2.0', id: null, error: { code, message } });
  session.closing = true;
  session.reader.stop();
  session.socket.end();
  // A client that does not read its last message is not waited for.
  setTimeout(() => session.socket.destroy(), 2000).unref();
}

function write(
  session: Session,
  text: string | undefined,
  notification: { method: string; params: unknown } | undefined,
): void {
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
  for (const [method, dropped] of session.dropped) {
    const params = { method, dropped, reason: 'the client did not read fast enough' };
    session.socket.write(serialise({ jsonrpc: '2.0', method: 'dropped', params }));
  }
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
      const replacement =
        method === undefined
          ? { jsonrpc: '2.0', id: id ?? null, error: { code: ERRORS.internal, message: unserialisable } }
          : { jsonrpc: '2.0', method, params: unserialisable };
      return `${JSON.stringify(replacement)}\n`;
    }
  }
}

function errorsAsText(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}
