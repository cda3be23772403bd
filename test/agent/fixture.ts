import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REGISTER, ROOT, runNode, type Run } from '../support/node.js';

/** A private socket directory per test file, so tests never see other processes' agents. */
export const SOCKET_DIR = join(mkdtempSync(join(tmpdir(), 'kheiron-sock-')), 'agents');
mkdirSync(SOCKET_DIR, { mode: 0o700 });

export const APP_DIR = mkdtempSync(join(tmpdir(), 'kheiron-agent-app-'));

export const INDEX = JSON.stringify(join(ROOT, 'dist/src/index.js'));

writeFileSync(
  join(APP_DIR, 'shop.mjs'),
  `import { createServer } from 'node:http';
export class Prices {
  constructor() { this.calls = 0; }
  quote(id) {
    this.calls++;
    if (id < 0) throw new RangeError('negative id ' + id);
    return { id, price: 10 + (id % 5) };
  }
}
const prices = new Prices();
const server = createServer((req, res) => {
  const id = Number(req.url.slice(1));
  try {
    const body = JSON.stringify(prices.quote(id));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  } catch (error) {
    res.writeHead(500);
    res.end(String(error.message));
  }
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`,
);
writeFileSync(
  join(APP_DIR, 'rules.js'),
  `import { defineRules, fallback } from ${INDEX};\nexport default defineRules('price-repairs', fallback('**/shop.mjs#Prices.prototype.quote', { id: -1, price: 0 }, { id: 'quote-fallback' }));\n`,
);
writeFileSync(
  join(APP_DIR, 'retry.js'),
  `import { defineRules, retry } from ${INDEX};\nexport default defineRules('price-retry', retry('**/shop.mjs#Prices.prototype.quote', { attempts: 3, id: 'quote-retry' }));\n`,
);
writeFileSync(
  join(APP_DIR, 'rules.ts'),
  `import { defineRules, guardArgs } from ${INDEX};\nconst positive = (args: readonly unknown[]): boolean | unknown[] => (args[0] as number) >= 0 || [0];\nexport default defineRules('typed', guardArgs('**/shop.mjs#Prices.prototype.quote', positive, { id: 'quote-guard' }));\n`,
);
writeFileSync(
  join(APP_DIR, 'syntax.js'),
  `import { defineRules } from ${INDEX};\nexport default defineRules(\n  { id: 'x', target: 'Prices.prototype.quote', before() { return ; } ,, },\n);\n`,
);
writeFileSync(
  join(APP_DIR, 'unknown.js'),
  `import { defineRules } from ${INDEX};\nexport default defineRules(\n  { id: 'good', target: 'Prices.prototype.quote', before() {} },\n  { id: 'bad', target: { name: 'Prices.prototype.quote', klass: 'Prices' }, before() {} },\n);\n`,
);

export const ENV = { KHEIRON_SOCKET_DIR: SOCKET_DIR, KHEIRON_INCLUDE: `${APP_DIR}/**`, KHEIRON_NO_CACHE: '1' };

export interface App {
  child: ChildProcess;
  pid: number;
  port: number;
}

/** The shop (or another `script` of APP_DIR), started with the loader (and so with an agent), on Node `node`. */
export function startApp(node = process.execPath, env: NodeJS.ProcessEnv = {}, script = 'shop.mjs'): Promise<App> {
  const child = spawn(node, ['--import', REGISTER, join(APP_DIR, script)], {
    env: { ...process.env, ...ENV, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, pid: child.pid!, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`the app exited with ${code}`)));
  });
}

export function kheiron(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runNode(process.execPath, [CLI, ...args], { cwd: APP_DIR, env: { ...ENV, ...env } });
}

/** The body of a GET of `path` from the service on `port`. */
export function body(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => resolve(text));
    }).on('error', reject);
  });
}
