/**
 * The local web console: an HTTP server on 127.0.0.1 over the agents' control sockets.
 *
 *   GET  /?token=ONE-TIME                the page (its script and styles inline), once per token
 *   GET  /api/processes                  the processes, as `kheiron ps` sees them
 *   GET|POST /api/processes/:pid/<route> status (no route), functions, stream, watch, attach, detach, inject:
 *                                        the table in routes.ts
 *
 * Every request passes the Gate (security.ts). Every value the browser sends is checked
 * here as the CLI checks its arguments, and again by the agent, as for any client.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleError, listProcesses } from './agents.js';
import { HttpError, json, pidOf, refuse, SECURE_HEADERS } from './http.js';
import { Monitors } from './monitor.js';
import { ROUTES, type RouteContext } from './routes.js';
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
    .replace(
      '<!--script-->',
      () =>
        `<script nonce="${nonce}">\n${read('chart.js')}\n${read('app.js').replace(/<\/script/gi, '<\\/script')}</script>`,
    )
    .replace('{{token}}', token);
}

const NO_TOKEN =
  'refused: this address has no valid token. Each address that `kheiron console` prints opens the console once; ' +
  'press Enter in its terminal for a new one.';

export async function startConsole(options: ConsoleOptions = {}): Promise<ConsoleServer> {
  const gate = new Gate();
  const monitors = new Monitors();
  const cwd = options.cwd ?? process.cwd();
  let opened!: () => void;
  const openedOnce = new Promise<void>((r) => (opened = r));
  page('', ''); // the page's files must be there: fail at start, not at the first visit

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const e =
        error instanceof ConsoleError
          ? error
          : new ConsoleError(500, error instanceof Error ? error.message : String(error));
      if (!res.headersSent) json(res, e.status, { error: e.message, ...e.details });
      else res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusedSite = gate.checkSite(req);
    if (refusedSite) return refuse(res, refusedSite.status, refusedSite.message);
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    if (url.pathname === '/' || url.pathname === '/index.html') return sendPage(req, res, url, gate);
    if (url.pathname === '/favicon.ico') return refuse(res, 404, 'no icon');
    if (!url.pathname.startsWith('/api/')) return refuse(res, 404, `no such page: ${url.pathname}`);
    const refusedToken = gate.checkToken(req);
    if (refusedToken) return refuse(res, refusedToken.status, refusedToken.message);

    return api(req, res, url, { cwd, monitors, opened });
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
      await monitors.follow(pid);
    },
    pageOpened: () => openedOnce,
    close: async () => {
      monitors.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The page, once per one-time token, with a nonce for its inline script and styles. */
function sendPage(req: IncomingMessage, res: ServerResponse, url: URL, gate: Gate): void {
  if (req.method !== 'GET') return refuse(res, 405, 'only GET');
  if (!gate.redeem(url.searchParams.get('token'))) return refuse(res, 403, NO_TOKEN);
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(200, {
    ...SECURE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      `default-src 'none'; script-src ` +
      `'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; ` +
      `form-action 'none'; frame-ancestors 'none'`,
  });
  res.end(page(nonce, gate.sessionToken));
}

/** `/api/processes`, and the routes on one process (routes.ts). */
async function api(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  shared: Pick<RouteContext, 'cwd' | 'monitors' | 'opened'>,
): Promise<void> {
  const parts = url.pathname.split('/').filter(Boolean); // ['api', 'processes', pid?, route?]
  if (parts[1] !== 'processes' || parts.length > 4) throw new HttpError(404, `no such API: ${url.pathname}`);
  if (parts.length === 2) {
    method(req, 'GET');
    shared.opened();
    return json(res, 200, await listProcesses());
  }
  const pid = pidOf(parts[2]!);
  const name = parts[3] ?? 'status';
  const route = Object.prototype.hasOwnProperty.call(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) throw new HttpError(404, `no such API: ${url.pathname}`);
  method(req, route.method);
  return route.run({ req, res, url, pid, ...shared });
}

function method(req: IncomingMessage, expected: 'GET' | 'POST'): void {
  if (req.method !== expected) throw new HttpError(405, `${req.url}: use ${expected}`);
}
