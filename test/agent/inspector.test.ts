import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NODES, ROOT } from '../support/node.js';
import { APP_DIR, kheiron } from './fixture.js';

// A line this long changes whole in V8's diff of an edit, so V8 LiveEdit would leave the
// existing closures of a function on it with their old code.
const LONG = `// ${'-'.repeat(800)}`;

// A service started without Kheiron: plain `node service.cjs`. `quote` and `round` can be
// prepared in place over V8 LiveEdit; `label`, on a long line, cannot: its export is patched.
writeFileSync(
  join(APP_DIR, 'service.cjs'),
  `const { createServer } = require('node:http');
class Quotes {
  quote(id) {
    if (id < 0) throw new RangeError('negative id');
    return { id, price: round(3) };
  }
}
function round(x) {
  return Math.round(x);
}
exports.Quotes = Quotes;
exports.label = function label(id) { return 'quote ' + id; }; ${LONG}
const quotes = new Quotes();
createServer((req, res) => {
  if (req.url.startsWith('/label/')) return res.end(exports.label(req.url.slice(7)));
  try { res.end(JSON.stringify(quotes.quote(Number(req.url.slice(1))))); }
  catch (e) { res.statusCode = 500; res.end(e.message); }
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`,
);
// The same as an ES module, with what LiveEdit cannot reach: a concise arrow, a function on
// a long line, and an async function suspended in an await.
writeFileSync(
  join(APP_DIR, 'esm-service.mjs'),
  `import { createServer } from 'node:http';
export class Quotes {
  quote(id) {
    if (id < 0) throw new RangeError('negative id');
    return { id, price: round(3) };
  }
}
function round(x) {
  return Math.round(x);
}
export const double = (x) => x * 2;
export function triple(x) { return x * 3; } ${LONG}
async function waiting() {
  await never;
  return 1;
}
const never = new Promise((resolve) => setTimeout(resolve, 1e9));
waiting();
const quotes = new Quotes();
createServer((req, res) => {
  try { res.end(JSON.stringify(quotes.quote(Number(req.url.slice(1))))); }
  catch (e) { res.statusCode = 500; res.end(e.message); }
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`,
);
const INDEX = JSON.stringify(join(ROOT, 'dist/src/index.js'));
writeFileSync(join(APP_DIR, 'quote-rules.mjs'), `import { defineRules, fallback } from ${INDEX};\nexport default defineRules('quotes', fallback('Quotes.prototype.quote', { id: -1, price: 0 }, { id: 'quote-fallback' }));\n`);
writeFileSync(
  join(APP_DIR, 'reach-rules.mjs'),
  `import { defineRules } from ${INDEX};
export default defineRules('reach', [
  { id: 'round', target: 'round', after(ctx) { ctx.replaceResult(100); } },
  { id: 'label', target: '{label,exports.label}', after(ctx) { ctx.replaceResult('patched ' + ctx.result); } },
  { id: 'unreachable', target: '{double,triple,waiting}', before() {} },
]);
`,
);
writeFileSync(join(APP_DIR, 'retry-rules.mjs'), `import { defineRules, retry } from ${INDEX};\nexport default defineRules('again', retry('round', { id: 'round-retry' }));\n`);

const children: ChildProcess[] = [];
after(() => children.forEach((c) => c.kill()));

function startPlain(node: string, flags: string[] = [], file = 'service.cjs'): Promise<{ pid: number; port: number }> {
  const child = spawn(node, [...flags, join(APP_DIR, file)], { stdio: ['ignore', 'pipe', 'ignore'] });
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

function body(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
    }).on('error', reject);
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('attach to a process started without Kheiron', () => {
  // The CLI runs on this pass's Node, the service on each of NODES: across the two passes of
  // npm test (Node 24, Node 26), every pairing of CLI and service versions, each once.
  for (const node of NODES) {
    it(`loads the agent over the inspector into a CommonJS service, prepares it over LiveEdit, closes the inspector; detach restores (${node.label})`, { timeout: 60_000 }, async () => {
      const app = await startPlain(node.path);
      assert.equal(await status(app.port, '/-1'), 500);
      const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`process ${app.pid} was started without Kheiron: loading the agent over its inspector`));
      assert.match(r.stdout, /attached quote-fallback \(quotes\) to Quotes\.prototype\.quote \[live-edit\]/);
      assert.match(r.stdout, /started without Kheiron: functions are prepared in place over V8 LiveEdit/);
      assert.equal(await status(app.port, '/-1'), 200);
      // The inspector is closed again.
      assert.equal(await status(9229, '/json/list'), 0);
      const d = await kheiron(['detach', String(app.pid), '--all']);
      assert.equal(d.code, 0, d.stderr);
      assert.equal(await status(app.port, '/-1'), 500);
      assert.equal(await status(app.port, '/2'), 200);
    });

    it(`reaches unexported functions over LiveEdit and patches exports where LiveEdit cannot (${node.label})`, { timeout: 60_000 }, async () => {
      const app = await startPlain(node.path);
      assert.equal(await body(app.port, '/2'), '{"id":2,"price":3}');
      const r = await kheiron(['attach', String(app.pid), 'reach-rules.mjs', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const result = JSON.parse(r.stdout);
      const rule = (id: string) => result.rules.find((x: { id: string }) => x.id === id);
      assert.deepEqual(rule('round').functions.map((f: { name: string; prepared: string }) => [f.name, f.prepared]), [['round', 'live-edit']]);
      // LiveEdit would leave `label`'s closure on the old code, so the export is patched.
      assert.deepEqual(rule('label').functions.map((f: { name: string; prepared: string }) => [f.name, f.prepared]), [['exports.label', 'patched']]);
      assert.deepEqual(rule('label').unreachable, []);
      assert.equal(await body(app.port, '/2'), '{"id":2,"price":100}');
      assert.equal(await body(app.port, '/label/7'), 'patched quote 7');
      await kheiron(['detach', String(app.pid), '--all']);
      assert.equal(await body(app.port, '/2'), '{"id":2,"price":3}');
      assert.equal(await body(app.port, '/label/7'), 'quote 7');
    });

    it(`prepares an ES module in place and reports, per rule and function, what V8 LiveEdit cannot reach and why (${node.label})`, { timeout: 60_000 }, async () => {
      const app = await startPlain(node.path, [], 'esm-service.mjs');
      const file = escape(join(APP_DIR, 'esm-service.mjs'));
      const r = await kheiron(['attach', String(app.pid), 'reach-rules.mjs']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /attached round \(reach\) to round \[live-edit\]/);
      assert.equal(await body(app.port, '/2'), '{"id":2,"price":100}');
      assert.match(r.stdout, /attached unreachable \(reach\) to no function: none of the attachable ones matches/);
      assert.match(r.stdout, new RegExp(`not attached to double \\(${file}:11\\): an arrow function with an expression body`));
      assert.match(r.stdout, new RegExp(`not attached to triple \\(${file}:12\\): V8 LiveEdit would keep the function's existing closures on their old code`));
      assert.match(r.stdout, new RegExp(`not attached to waiting \\(${file}:13\\): V8 LiveEdit refused: a suspended activation of it exists`));
      // An edit in place keeps no copy of the original: a rule that runs it again is refused.
      const again = await kheiron(['attach', String(app.pid), 'retry-rules.mjs']);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /round-retry.*runs the original function again, which is not possible for round \(prepared in place over V8 LiveEdit/);
      const d = await kheiron(['detach', String(app.pid), '--all']);
      assert.equal(d.code, 0, d.stderr);
      assert.equal(await body(app.port, '/2'), '{"id":2,"price":3}');
    });
  }

  it('refuses clearly under the permission model', { timeout: 60_000 }, async () => {
    // Node >= 25 restricts the network under the permission model too (--allow-net lets the service listen).
    const net = process.allowedNodeEnvironmentFlags.has('--allow-net') ? ['--allow-net'] : [];
    const app = await startPlain(process.execPath, ['--permission', '--allow-fs-read=*', ...net]);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, new RegExp(`process ${app.pid} did not open its inspector: .*the permission model`));
    assert.equal(await status(app.port, '/-1'), 500);
  });

  it('refuses clearly where the inspector is unavailable', { timeout: 60_000 }, async () => {
    const app = await startPlain(process.execPath, ['--disable-sigusr1']);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, new RegExp(`process ${app.pid} did not open its inspector: .*--disable-sigusr1`));
    assert.equal(await status(app.port, '/-1'), 500);
  });
});
