import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, OTHER_NODE } from '../support/node.js';
import { APP_DIR, ENV, SOCKET_DIR, kheiron, startApp, type App } from './fixture.js';

function fetchText(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

let app: App;
before(async () => {
  app = await startApp();
});
after(() => app.child.kill());

describe('the agent', () => {
  it('listens on a socket only this user can open, in a private directory', () => {
    const path = join(SOCKET_DIR, `${app.pid}.sock`);
    assert.ok(statSync(path).isSocket());
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(SOCKET_DIR).mode & 0o777, 0o700);
  });
});

describe('kheiron commands', () => {
  it('ps lists the process, also as JSON', async () => {
    const r = await kheiron(['ps', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const found = (JSON.parse(r.stdout) as { pid: number; functions: number; command: string }[]).find(
      (p) => p.pid === app.pid,
    );
    assert.ok(found);
    assert.ok(found.functions >= 2);
    assert.match(found.command, /shop\.mjs/);
    const text = await kheiron(['ps']);
    assert.match(text.stdout, new RegExp(`^${app.pid}\\s+\\d+s\\s+\\d+\\s+0\\s+.*shop\\.mjs$`, 'm'));
  });

  it('functions lists the registry, filtered by a pattern', async () => {
    const r = await kheiron(['functions', String(app.pid), 'Prices.prototype.*', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { name: string }[]).map((f) => f.name),
      ['Prices.prototype.quote'],
    );
  });

  it('attach applies a rules file to the running process; detach restores it', async () => {
    assert.equal((await fetchText(app.port, '/-1')).status, 500);
    const attached = await kheiron(['attach', String(app.pid), 'rules.js']);
    assert.equal(attached.code, 0, attached.stderr);
    assert.equal(attached.stdout, 'attached quote-fallback (price-repairs) to Prices.prototype.quote [at-attach]\n');
    assert.deepEqual(await fetchText(app.port, '/-1'), { status: 200, body: '{"id":-1,"price":0}' });
    const status = await kheiron(['status', String(app.pid), '--json']);
    assert.deepEqual(
      (JSON.parse(status.stdout) as { rules: { id: string }[] }).rules.map((r) => r.id),
      ['quote-fallback'],
    );
    const detached = await kheiron(['detach', String(app.pid), 'quote-fallback']);
    assert.equal(detached.stdout, 'detached quote-fallback\n');
    assert.equal((await fetchText(app.port, '/-1')).status, 500);
  });

  it('attach type-strips a TypeScript rules file', async () => {
    const r = await kheiron(['attach', String(app.pid), 'rules.ts']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await fetchText(app.port, '/-3'), { status: 200, body: '{"id":0,"price":10}' });
    assert.equal((await kheiron(['detach', String(app.pid), '--all'])).code, 0);
    assert.deepEqual(
      readdirSync(APP_DIR).filter((n) => n.includes('kheiron')),
      [],
      'the stripped module or its directory was left behind',
    );
  });

  it('refuses a rules file with a syntax error or a bad rule, naming file, line and problem, and changes nothing', async () => {
    const syntax = await kheiron(['attach', String(app.pid), 'syntax.js']);
    assert.equal(syntax.code, 1);
    assert.match(
      syntax.stderr,
      new RegExp(`${join(APP_DIR, 'syntax.js').replace(/[.]/g, '\\.')}:3:\\d+: SyntaxError: Unexpected token`),
    );
    const unknown = await kheiron(['attach', String(app.pid), 'unknown.js']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /rule 'bad' \(.*unknown\.js:4\): unknown selector field 'klass'/);
    const status = JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout) as { rules: unknown[] };
    assert.deepEqual(status.rules, []);
    const missing = await kheiron(['attach', String(app.pid), 'nope.js']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.js: no such file/);
  });

  it('inject makes calls fail from outside, a given number of times; audit shows it', async () => {
    const r = await kheiron([
      'inject',
      String(app.pid),
      '**#Prices.prototype.quote',
      '--throw',
      'injected',
      '--times',
      '2',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^attached inject:.* to Prices\.prototype\.quote\n$/);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetchText(app.port, '/1')).status);
    assert.deepEqual(statuses, [500, 500, 200]);
    const audit = await kheiron(['audit', String(app.pid), '--json']);
    const events = audit.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; rule?: string });
    const types = events.filter((e) => e.rule?.startsWith('inject:')).map((e) => e.type);
    assert.deepEqual(types, ['attach', 'injected', 'injected', 'self-detach'], 'injected faults are not repairs');
    const status = JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout) as { rules: unknown[] };
    assert.deepEqual(status.rules, [], 'the inject detached itself after its second fault');
  });

  it('inject tests a retry attached from a rules file: the retry meets the injected faults and repairs them', async () => {
    type Status = { rules: { id: string; calls: number }[]; counters: Record<string, number> };
    const counted = (JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout) as Status).counters;
    assert.equal((await kheiron(['attach', String(app.pid), 'retry.js'])).code, 0);
    const r = await kheiron([
      'inject',
      String(app.pid),
      '**#Prices.prototype.quote',
      '--throw',
      'connection reset',
      '--times',
      '2',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await fetchText(app.port, '/2'), { status: 200, body: '{"id":2,"price":12}' });
    const status = JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout) as Status;
    assert.deepEqual(
      status.rules.map((rule) => [rule.id, rule.calls]),
      [['quote-retry', 1]],
      'the inject detached itself',
    );
    assert.equal(status.counters.repair! - counted.repair!, 1, "the retry's");
    assert.equal(status.counters.injected! - counted.injected!, 2);
    await kheiron(['detach', String(app.pid), '--all']);
  });

  it('watch streams calls, rate-capped, and Ctrl-C detaches cleanly', async () => {
    const watcher = spawn(
      process.execPath,
      [CLI, 'watch', String(app.pid), '**#Prices.prototype.quote', '--rate', '3'],
      { env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    watcher.stdout.setEncoding('utf8');
    watcher.stdout.on('data', (c: string) => (out += c));
    await new Promise<void>((resolve) => watcher.stderr.once('data', () => resolve()));
    for (let i = 0; i < 6; i++) await fetchText(app.port, `/${i}`);
    await new Promise((r) => setTimeout(r, 1100));
    await fetchText(app.port, '/9');
    await new Promise((r) => setTimeout(r, 200));
    watcher.kill('SIGINT');
    const code = await new Promise((resolve) => watcher.on('exit', resolve));
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    assert.match(lines[0]!, /^Prices\.prototype\.quote\(0\) = \{ id: 0, price: 10 \} {2}[\d.]+ ms$/);
    assert.ok(lines.includes('  (3 calls not shown: over 3/s)'), out);
    const status = JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout) as {
      counters: Record<string, number>;
    };
    assert.ok(status);
    const functions = JSON.parse((await kheiron(['functions', String(app.pid), '--json'])).stdout) as unknown[];
    assert.ok(functions.length > 0);
  });

  it(`reaches the agent of a process on another Node version (${OTHER_NODE.label})`, async () => {
    const other = await startApp(OTHER_NODE.path);
    try {
      const r = await kheiron(['status', String(other.pid), '--json']);
      assert.equal(r.code, 0, r.stderr);
      const status = JSON.parse(r.stdout) as { node: string; functions: number };
      assert.equal(status.node, `v${OTHER_NODE.label.replace(/^node /, '')}`);
      assert.ok(status.functions >= 2);
      const a = await kheiron(['attach', String(other.pid), 'rules.js']);
      assert.equal(a.code, 0, a.stderr);
      assert.deepEqual(await fetchText(other.port, '/-1'), { status: 200, body: '{"id":-1,"price":0}' });
    } finally {
      other.child.kill();
    }
  });

  it('exit codes: 2 for bad usage, 3 when no agent can be reached', async () => {
    const usage = await kheiron(['attach', 'abc', 'rules.js']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /attach: expected a process id, got 'abc'/);
    // A process that exists (this test's) but runs no agent.
    const none = await kheiron(['status', String(process.pid)]);
    assert.equal(none.code, 3);
    assert.match(none.stderr, new RegExp(`process ${process.pid}: no Kheiron agent`));
  });
});
