import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NODES, ROOT } from '../support/node.js';
import { APP_DIR, kheiron } from './fixture.js';

// A service started without Kheiron: plain `node service.cjs`.
writeFileSync(
  join(APP_DIR, 'service.cjs'),
  `const { createServer } = require('node:http');
class Quotes {
  quote(id) {
    if (id < 0) throw new RangeError('negative id');
    return { id, price: 3 };
  }
}
exports.Quotes = Quotes;
const quotes = new Quotes();
createServer((req, res) => {
  try { res.end(JSON.stringify(quotes.quote(Number(req.url.slice(1))))); }
  catch (e) { res.statusCode = 500; res.end(e.message); }
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`,
);
writeFileSync(
  join(APP_DIR, 'esm-service.mjs'),
  `export class Quotes {\n  quote(id) {\n    if (id < 0) throw new RangeError('negative id');\n    return { id, price: 3 };\n  }\n}\nsetInterval(() => new Quotes().quote(1), 100);\nconsole.log('ready');\n`,
);
writeFileSync(join(APP_DIR, 'quote-rules.mjs'), `import { defineRules, fallback } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};\nexport default defineRules('quotes', fallback('Quotes.prototype.quote', { id: -1, price: 0 }, { id: 'quote-fallback' }));\n`);

const children: ChildProcess[] = [];
after(() => children.forEach((c) => c.kill()));

function startPlain(node: string, flags: string[] = []): Promise<{ pid: number; port: number }> {
  const child = spawn(node, [...flags, join(APP_DIR, 'service.cjs')], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      const m = /listening (\d+)/.exec(chunk);
      if (m) resolve({ pid: child.pid!, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
}

function status(port: number, path: string): Promise<number> {
  return new Promise((resolve) => get({ host: '127.0.0.1', port, path }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', () => resolve(0)));
}

describe('attach to a process started without Kheiron', () => {
  it('loads the agent over the inspector, patches reachable methods, closes the inspector; detach restores', { timeout: 60_000 }, async () => {
    const app = await startPlain(process.execPath);
    assert.equal(await status(app.port, '/-1'), 500);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`process ${app.pid} was started without Kheiron: loading the agent over its inspector`));
    assert.match(r.stdout, /attached quote-fallback \(quotes\) to Quotes\.prototype\.quote \[patched\]/);
    assert.match(r.stdout, /of CommonJS modules, the exported functions and their classes' methods are patched/);
    assert.equal(await status(app.port, '/-1'), 200);
    // The inspector is closed again.
    assert.equal(await status(9229, '/json/list'), 0);
    const d = await kheiron(['detach', String(app.pid), '--all']);
    assert.equal(d.code, 0, d.stderr);
    assert.equal(await status(app.port, '/-1'), 500);
    assert.equal(await status(app.port, '/2'), 200);
  });

  it('tries V8 LiveEdit on ES modules and reports, per module, what V8 refused', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [join(APP_DIR, 'esm-service.mjs')], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(child);
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const r = await kheiron(['attach', String(child.pid), 'quote-rules.mjs']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /attached quote-fallback \(quotes\) to no function: none of the reachable ones matches/);
    assert.match(r.stdout, new RegExp(`not reachable: ${join(APP_DIR, 'esm-service.mjs').replace(/[.]/g, '\\.')}: refused by V8 LiveEdit: \\w+`));
  });

  it('refuses clearly under the permission model', { timeout: 60_000 }, async () => {
    const app = await startPlain(process.execPath, ['--experimental-permission', '--allow-fs-read=*']);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, new RegExp(`process ${app.pid} did not open its inspector: .*the permission model`));
    assert.equal(await status(app.port, '/-1'), 500);
  });

  it('refuses clearly where the inspector is unavailable', { timeout: 60_000, skip: NODES.length < 2 ? 'needs Node 24 for --disable-sigusr1' : false }, async () => {
    const app = await startPlain(NODES[1]!.path, ['--disable-sigusr1']);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, new RegExp(`process ${app.pid} did not open its inspector: .*--disable-sigusr1`));
    assert.equal(await status(app.port, '/-1'), 500);
  });
});
