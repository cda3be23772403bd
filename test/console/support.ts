import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REGISTER, ROOT } from '../support/node.js';

export const SHOP = join(ROOT, 'examples/shop');

/** A private socket directory, so that the console sees this test's processes only. */
export function privateSocketDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kheiron-console-')), 'agents');
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

function waitFor(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      const m = pattern.exec(text);
      if (m) resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (code ${code}) before it was ready:\n${text}`)));
  });
}

/** The shop example, every function prepared, as `kheiron demo` starts it. */
export async function startShop(
  socketDir: string,
  node = process.execPath,
): Promise<{ child: ChildProcess; pid: number; port: number }> {
  const child = spawn(node, ['--import', REGISTER, join(SHOP, 'main.js')], {
    env: { ...process.env, KHEIRON_SOCKET_DIR: socketDir, KHEIRON_INCLUDE: `${SHOP}/**`, KHEIRON_NO_CACHE: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = await waitFor(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/, 'the shop');
  child.once(
    'exit',
    (code, signal) =>
      signal !== 'SIGTERM' &&
      process.stderr.write(`the shop (pid ${child.pid}) exited: code ${code}, signal ${signal}\n`),
  );
  return { child, pid: child.pid!, port: Number(m[1]) };
}

/** `kheiron console` as an operator starts it: its address, with the one-time token. */
export async function startConsoleCli(
  socketDir: string,
  node = process.execPath,
): Promise<{ child: ChildProcess; url: string; base: string }> {
  const child = spawn(node, [CLI, 'console'], {
    cwd: ROOT,
    env: { ...process.env, KHEIRON_SOCKET_DIR: socketDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = await waitFor(child, /(http:\/\/127\.0\.0\.1:\d+)\/\?token=[\w-]+/, 'kheiron console');
  return { child, url: m[0], base: m[1]! };
}

export interface Tally {
  requests: number;
  errors: number;
}

/** Load on loopback, the demo's mix: GET and DELETE /items/:id, GET /price/:id; an error is a 5xx or the wrong item. */
export class Load {
  private readonly agent: Agent;
  private seed = 7;
  private running = false;
  total: Tally = { requests: 0, errors: 0 };
  private loops: Promise<void>[] = [];

  constructor(
    private readonly port: number,
    private readonly connections = 8,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.connections }, async () => {
      while (this.running) {
        const failed = await this.one();
        this.total.requests++;
        if (failed) this.total.errors++;
      }
    });
  }

  /** The tally since the last call. */
  take(): Tally {
    const t = this.total;
    this.total = { requests: 0, errors: 0 };
    return t;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.agent.destroy();
  }

  private async one(): Promise<boolean> {
    const r = this.random();
    const id = 1 + Math.floor(this.random() * 200);
    const [method, path] =
      r < 0.05 ? ['DELETE', `/items/${id}`] : r < 0.75 ? ['GET', `/items/${id}`] : ['GET', `/price/${id}`];
    let res = await this.send(method!, path!);
    if (res.status === 599) res = await this.send(method!, path!);
    if (res.status >= 500) return true;
    if (method === 'GET' && path!.startsWith('/items/') && res.status === 200)
      return (res.body as { id?: number }).id !== id;
    return false;
  }

  private send(method: string, path: string): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, agent: this.agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', () => resolve({ status: 599, body: undefined }));
      req.end();
    });
  }

  private random(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }
}

/** A raw request, with exactly the headers given (fetch would not let a test set Host). */
export function raw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
