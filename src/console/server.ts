/**
 * The local web console: an HTTP server on 127.0.0.1 over the agents' control sockets.
 *
 *   GET  /?token=ONE-TIME                the page (its script and styles inline), once per token
 *   GET  /api/processes                  the processes, as `kheiron ps` sees them
 *   GET  /api/processes/:pid             status: rules attached, audit counters
 *   GET  /api/processes/:pid/functions   the registry (?pattern=GLOB)
 *   GET  /api/processes/:pid/stream      server-sent events: history, sample, status, audit, gone
 *   GET  /api/processes/:pid/watch       server-sent events: calls (?target=GLOB&rate=N); closing detaches
 *   POST /api/processes/:pid/attach      { file }
 *   POST /api/processes/:pid/detach      { ids } | { set } | { all: true }
 *   POST /api/processes/:pid/inject      { target, throw, times? }
 *
 * Every request passes the Gate (security.ts). Every value the browser sends is checked
 * here as the CLI checks its arguments, and again by the agent, as for any client.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { asConsoleError, attachFile, call, ConsoleError, listProcesses, open } from './agents.js';
import { Monitor } from './monitor.js';
import { Gate } from './security.js';

export interface ConsoleOptions {
  /** TCP port on 127.0.0.1; 0 (the default) takes a free one. */
  port?: number;
  /** Where relative rules-file paths are taken from (default: the current directory). */
  cwd?: string;
}

export interface ConsoleServer {
  readonly port: number;
  /** A new address of the page, with a one-time token; `pid` preselects a process. */
  loginUrl(pid?: number): string;
  /** Starts following a process now, so the page's charts have its history when it opens. */
  follow(pid: number): Promise<void>;
  /** Resolves when a page has opened (its stream of a process, or its list of processes). */
  pageOpened(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY = 64 << 10;
const MAX_TEXT = 4096;
const MAX_WATCH_RATE = 50;
/** How long the console keeps following a process after its last page went away: a page reopened soon still has the history. */
const IDLE_MS = 5 * 60_000;

/** The page's files: beside this module when run from the sources, else in the package's src/. */
function publicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'public');
  return existsSync(join(beside, 'index.html')) ? beside : resolve(here, '../../../src/console/public');
}

function page(nonce: string, token: string, dir = publicDir()): string {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return read('index.html')
    .replace('<!--style-->', () => `<style nonce="${nonce}">\n${read('style.css')}</style>`)
    .replace('<!--script-->', () => `<script nonce="${nonce}">\n${read('chart.js')}\n${read('app.js').replace(/<\/script/gi, '<\\/script')}</script>`)
    .replace('{{token}}', token);
}

class HttpError extends ConsoleError {}

export async function startConsole(options: ConsoleOptions = {}): Promise<ConsoleServer> {
  const gate = new Gate();
  const monitors = new Map<number, Promise<Monitor>>();
  const cwd = options.cwd ?? process.cwd();
  let opened!: () => void;
  const openedOnce = new Promise<void>((r) => (opened = r));
  page('', ''); // the page's files must be there: fail at start, not at the first visit

  const followed = new Set<number>();
  /** A process nobody has looked at for a while is no longer followed (unless the console was asked to). */
  const idle = (pid: number, m: Monitor): void => {
    if (followed.has(pid)) return;
    setTimeout(() => {
      const entry = monitors.get(pid);
      if (m.subscribers === 0 && entry) {
        void entry.then((current) => {
          if (current !== m || m.subscribers > 0) return;
          m.close();
          monitors.delete(pid);
        });
      }
    }, IDLE_MS).unref();
  };

  const monitor = (pid: number): Promise<Monitor> => {
    let m = monitors.get(pid);
    if (!m) {
      m = Monitor.start(pid, () => monitors.delete(pid));
      monitors.set(pid, m);
      m.catch(() => monitors.delete(pid));
    }
    return m;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const e = error instanceof ConsoleError ? error : new ConsoleError(500, error instanceof Error ? error.message : String(error));
      if (!res.headersSent) json(res, e.status, { error: e.message, ...e.details });
      else res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusedSite = gate.checkSite(req);
    if (refusedSite) return refuse(res, refusedSite.status, refusedSite.message);
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (req.method !== 'GET') return refuse(res, 405, 'only GET');
      if (!gate.redeem(url.searchParams.get('token'))) {
        return refuse(res, 403, 'refused: this address has no valid token. Each address that `kheiron console` prints opens the console once; press Enter in its terminal for a new one.');
      }
      const nonce = randomBytes(16).toString('base64');
      res.writeHead(200, {
        ...SECURE_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      });
      res.end(page(nonce, gate.sessionToken));
      return;
    }
    if (url.pathname === '/favicon.ico') return refuse(res, 404, 'no icon');
    if (!url.pathname.startsWith('/api/')) return refuse(res, 404, `no such page: ${url.pathname}`);
    const refusedToken = gate.checkToken(req);
    if (refusedToken) return refuse(res, refusedToken.status, refusedToken.message);

    const parts = url.pathname.split('/').filter(Boolean); // ['api', 'processes', pid?, action?]
    if (parts[1] !== 'processes' || parts.length > 4) throw new HttpError(404, `no such API: ${url.pathname}`);
    if (parts.length === 2) {
      method(req, 'GET');
      opened();
      return json(res, 200, await listProcesses());
    }
    const pid = pidOf(parts[2]!);
    const action = parts[3] ?? 'status';
    switch (action) {
      case 'status':
        method(req, 'GET');
        return json(res, 200, await call(pid, 'status'));
      case 'functions': {
        method(req, 'GET');
        const pattern = url.searchParams.get('pattern');
        return json(res, 200, await call(pid, 'functions', pattern ? { pattern: text(pattern, 'pattern') } : {}));
      }
      case 'attach': {
        method(req, 'POST');
        const body = await readJson(req);
        return json(res, 200, await attachFile(pid, text(body.file, 'file'), cwd));
      }
      case 'detach': {
        method(req, 'POST');
        const body = await readJson(req);
        if (body.all === true) return json(res, 200, await call(pid, 'detach', { all: true }));
        if (body.set !== undefined) {
          const set = text(body.set, 'set');
          const status = await call(pid, 'status');
          const ids = (status.rules as { id: string; set: string }[]).filter((r) => r.set === set).map((r) => r.id);
          if (ids.length === 0) throw new HttpError(404, `no attached rule set named '${set}'`);
          return json(res, 200, await call(pid, 'detach', { ids }));
        }
        if (!Array.isArray(body.ids) || body.ids.length === 0 || body.ids.length > 1000) throw new HttpError(400, "detach needs 'ids' (rule ids), 'set' (a set's name) or 'all': true");
        return json(res, 200, await call(pid, 'detach', { ids: body.ids.map((id: unknown) => text(id, 'ids[]')) }));
      }
      case 'inject': {
        method(req, 'POST');
        const body = await readJson(req);
        const times = body.times === undefined || body.times === null || body.times === '' ? undefined : Number(body.times);
        if (times !== undefined && !(Number.isInteger(times) && times > 0)) throw new HttpError(400, "'times' must be a positive integer");
        return json(res, 200, await call(pid, 'inject', { target: text(body.target, 'target'), throw: text(body.throw, 'throw'), ...(times ? { times } : {}) }));
      }
      case 'stream': {
        method(req, 'GET');
        const m = await monitor(pid);
        opened();
        const send = events(req, res);
        send('history', { pid, samples: m.samples, events: m.events, status: m.status });
        const unsubscribe = m.subscribe((event, data) => send(event, data));
        req.on('close', () => {
          unsubscribe();
          idle(pid, m);
        });
        return;
      }
      case 'watch': {
        method(req, 'GET');
        const target = text(url.searchParams.get('target'), 'target');
        const rate = url.searchParams.get('rate') === null ? 10 : Number(url.searchParams.get('rate'));
        if (!(rate > 0 && rate <= MAX_WATCH_RATE)) throw new HttpError(400, `'rate' must be a number of calls per second from 1 to ${MAX_WATCH_RATE}`);
        const client = await open(pid);
        let result: { functions: string[] };
        try {
          result = await client.call('watch', { target, rate });
        } catch (error) {
          client.close();
          throw asConsoleError(error);
        }
        const send = events(req, res);
        send('watching', result);
        client.onNotification((name, event) => name === 'watch' && send('call', event));
        // Closing the agent connection detaches the watch.
        req.on('close', () => client.close());
        void client.closed().then(() => res.end());
        return;
      }
      default:
        throw new HttpError(404, `no such API: ${url.pathname}`);
    }
  };

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  gate.listening(port);

  return {
    port,
    loginUrl: (pid) => `http://127.0.0.1:${port}/?token=${gate.newLoginToken()}${pid ? `#pid=${pid}` : ''}`,
    follow: async (pid) => {
      followed.add(pid);
      await monitor(pid);
    },
    pageOpened: () => openedOnce,
    close: async () => {
      for (const m of monitors.values()) void m.then((x) => x.close(), () => {});
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const SECURE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...SECURE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/** A stream of server-sent events; a comment every 15 s keeps it open through idle minutes. */
function events(req: IncomingMessage, res: ServerResponse): (event: string, data: unknown) => void {
  res.writeHead(200, { ...SECURE_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.flushHeaders();
  const beat = setInterval(() => res.write(': still here\n\n'), 15_000);
  beat.unref();
  req.on('close', () => clearInterval(beat));
  return (event, data) => {
    if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

function method(req: IncomingMessage, expected: 'GET' | 'POST'): void {
  if (req.method !== expected) throw new HttpError(405, `${req.url}: use ${expected}`);
}

function pidOf(text: string): number {
  const pid = Number(text);
  if (!/^\d{1,10}$/.test(text) || !Number.isSafeInteger(pid) || pid <= 0) throw new HttpError(400, `expected a process id, got '${text.slice(0, 40)}'`);
  return pid;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, `'${name}' must be a non-empty string`);
  if (value.length > MAX_TEXT || value.includes('\0')) throw new HttpError(400, `'${name}' is too long or holds a NUL character`);
  return value.trim();
}

/** A JSON object body, of at most 64 KiB, sent as application/json (which no plain form can send). */
async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'the body must be application/json');
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
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'the body must be a JSON object');
  return value as Record<string, any>;
}
