import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/node.js';
import { APP_DIR, body, kheiron } from './fixture.js';

/*
 * A process started without Kheiron whose async function is suspended in an await when the
 * agent first edits its module: V8 LiveEdit refuses that function until the activation ends.
 * `/release` ends it; `/internal` calls the function directly, not through its exports.
 */
writeFileSync(
  join(APP_DIR, 'slow.cjs'),
  `const { createServer } = require('node:http');
let release;
const gate = new Promise((resolve) => (release = resolve));
async function slowLookup(id) {
  await gate;
  return 'slow ' + id;
}
function fast(id) {
  return 'fast ' + id;
}
exports.slowLookup = slowLookup;
exports.fast = fast;
slowLookup(0);
createServer(async (req, res) => {
  if (req.url === '/release') return release(), res.end('released');
  if (req.url === '/internal') return res.end(await slowLookup(1));
  res.end(await exports.slowLookup(2));
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`,
);
writeFileSync(
  join(APP_DIR, 'slow-rules.mjs'),
  `import { defineRules } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};
export default defineRules('slow', { id: 'slow', target: 'slowLookup', after(ctx) { ctx.replaceResult('repaired'); } });
`,
);

const children: ChildProcess[] = [];
after(() => children.forEach((c) => c.kill()));

function startPlain(): Promise<{ pid: number; port: number }> {
  const child = spawn(process.execPath, [join(APP_DIR, 'slow.cjs')], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const m = /listening (\d+)/.exec(chunk);
      if (m) resolve({ pid: child.pid!, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const SOURCE = join(APP_DIR, 'slow.cjs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const row = (prepared: string): RegExp => new RegExp(`slowLookup +${SOURCE}:4 +${prepared}`);

describe('a function suspended when a process started without Kheiron is first edited', () => {
  const title = 'is patched under its source name and line, and edited in place once its activation has ended';
  it(title, { timeout: 90_000 }, async () => {
    const app = await startPlain();
    const r = await kheiron(['attach', String(app.pid), 'slow-rules.mjs', '--allow-inspector']);
    assert.equal(r.code, 0, r.stderr);
    // V8 refused the edit: the export is patched, named as the rule names it.
    assert.match(r.stdout, /attached slow \(slow\) to slowLookup \[patched\]/);
    const listed = await kheiron(['functions', String(app.pid), 'slowLookup']);
    assert.match(listed.stdout, row('patched'));
    // Through the exports, the wrapper runs the rule.
    const released = body(app.port, '/release');
    assert.equal(await released, 'released');
    assert.equal(await body(app.port, '/exports'), 'repaired');
    // With no request to the agent, the edit is tried again and the direct call is repaired too.
    const repaired = async (): Promise<boolean> => (await body(app.port, '/internal')) === 'repaired';
    await until('the edit in place after the activation ended', repaired, 30_000);
    assert.equal(await body(app.port, '/exports'), 'repaired');
    const now = await kheiron(['functions', String(app.pid), 'slowLookup']);
    assert.match(now.stdout, row('live-edit'));
    assert.doesNotMatch(now.stdout, /patched/);
    const d = await kheiron(['detach', String(app.pid), '--all']);
    assert.equal(d.code, 0, d.stderr);
    assert.equal(await body(app.port, '/internal'), 'slow 1');
    assert.equal(await body(app.port, '/exports'), 'slow 2');
  });
});

describe('kheiron functions on a process started without Kheiron', () => {
  const title = 'refuses without --allow-inspector; with it, loads the agent without rules and lists what it shows';
  it(title, { timeout: 60_000 }, async () => {
    const app = await startPlain();
    const refused = await kheiron(['functions', String(app.pid)]);
    assert.equal(refused.code, 3);
    const needs = /started without Kheiron: loading the agent over its inspector needs --allow-inspector/;
    assert.match(refused.stderr, needs);
    const r = await kheiron(['functions', String(app.pid), '--allow-inspector']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /loading the agent over its inspector without rules, to list its functions/);
    assert.match(r.stdout, new RegExp(`fast +${SOURCE}:8 +live-edit`));
    assert.match(r.stdout, row('patched'));
    assert.match(r.stdout, /started without Kheiron: the agent was loaded without rules/);
    // Nothing is attached: the service behaves as before.
    assert.equal(await body(app.port, '/release'), 'released');
    assert.equal(await body(app.port, '/internal'), 'slow 1');
    const json = await kheiron(['functions', String(app.pid), '--json']);
    assert.ok(JSON.parse(json.stdout).some((f: { name: string }) => f.name === 'fast'));
  });
});
