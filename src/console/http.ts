/** The console's HTTP pieces: its headers, its replies, and the checks of what a browser sends. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConsoleError } from './agents.js';

const MAX_BODY = 64 << 10;
const MAX_TEXT = 4096;

export class HttpError extends ConsoleError {}

export const SECURE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

export function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...SECURE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/** A stream of server-sent events; a comment every 15 s keeps it open through idle minutes. */
export function events(req: IncomingMessage, res: ServerResponse): (event: string, data: unknown) => void {
  res.writeHead(200, {
    ...SECURE_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  res.flushHeaders();
  const beat = setInterval(() => res.write(': still here\n\n'), 15_000);
  beat.unref();
  req.on('close', () => clearInterval(beat));
  return (event, data) => {
    if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

export function pidOf(text: string): number {
  const pid = Number(text);
  if (!/^\d{1,10}$/.test(text) || !Number.isSafeInteger(pid) || pid <= 0)
    throw new HttpError(400, `expected a process id, got '${text.slice(0, 40)}'`);
  return pid;
}

export function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new HttpError(400, `'${name}' must be a non-empty string`);
  if (value.length > MAX_TEXT || value.includes('\0'))
    throw new HttpError(400, `'${name}' is too long or holds a NUL character`);
  return value.trim();
}

/** A JSON object body, of at most 64 KiB, sent as application/json (which no plain form can send). */
export async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'the body must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `the body is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new HttpError(400, 'the body must be a JSON object');
  return value as Record<string, any>;
}
