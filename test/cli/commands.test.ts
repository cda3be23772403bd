import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { APP_DIR, ENV, kheiron, startApp, type App } from '../agent/fixture.js';
import { CLI, REGISTER } from '../support/node.js';

/*
 * The CLI as a user meets it: help for each command, output cut short by a pipe, empty
 * answers, a process that does not exist or does not answer, a rule that matches nothing,
 * and `watch` on an HTTP handler. Real processes, real sockets.
 */

let app: App;
before(async () => {
  app = await startApp();
  writeFileSync(
    join(APP_DIR, 'nothing.js'),
    `import { defineRules } from ${JSON.stringify(REGISTER.replace('loader/register.js', 'index.js'))};\nexport default defineRules('typo', { id: 'typo', target: '**/shop.mjs#Prices.prototype.qoute', before() {} }, { id: 'fine', target: '**/shop.mjs#Prices.prototype.quote', before() {} });\n`,
  );
});
after(() => app.child.kill());

describe('the kheiron command', () => {
  it('shows help for each command, and the list of commands', async () => {
    for (const command of [
      'ps',
      'functions',
      'status',
      'attach',
      'detach',
      'audit',
      'watch',
      'inject',
      'demo',
      'run',
    ]) {
      const r = await kheiron([command, '--help']);
      assert.equal(r.code, 0, `${command}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: kheiron ${command} `), command);
    }
    const all = await kheiron(['help']);
    assert.equal(all.code, 0);
    assert.match(all.stdout, /watch <pid> <target> \[--rate N\] \[--depth N\]/);
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, [CLI, 'functions', String(app.pid)], {
      env: { ...process.env, ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|at /);
  });

  it('says when nothing matches, and when there is no such process', async () => {
    const none = await kheiron(['functions', String(app.pid), '**#NoSuchThing*']);
    assert.equal(none.code, 0, none.stderr);
    assert.equal(none.stdout, `no function of process ${app.pid} matches **#NoSuchThing*\n`);
    const missing = await kheiron(['status', '999999999']);
    assert.equal(missing.code, 3);
    assert.equal(missing.stderr, 'kheiron: no process 999999999\n');
  });

  it('refuses a rules file with a rule that matches no function, and attaches nothing of it; --pending keeps it', async () => {
    const refused = await kheiron(['attach', String(app.pid), join(APP_DIR, 'nothing.js')]);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stderr, /refused, nothing attached: rule typo matches no function of process \d+/);
    const status = JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout);
    assert.deepEqual(
      status.rules.filter((r: { set: string }) => r.set === 'typo'),
      [],
    );
    const pending = await kheiron(['attach', String(app.pid), join(APP_DIR, 'nothing.js'), '--pending']);
    assert.equal(pending.code, 0, pending.stderr);
    assert.match(pending.stdout, /attached typo \(typo\) to no function yet/);
    assert.equal((await kheiron(['detach', String(app.pid), '--all'])).code, 0);
  });

  it('watches an HTTP handler one short line a call, deeper with --depth', async () => {
    const lines = async (extra: string[]): Promise<string[]> => {
      const child = spawn(process.execPath, [CLI, 'watch', String(app.pid), '**/shop.mjs#<arrow>*', ...extra], {
        env: { ...process.env, ...ENV },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
      for (let i = 0; i < 2; i++) await fetch(`http://127.0.0.1:${app.port}/${i}`).then((r) => r.text());
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('exit', resolve));
      return out.trim().split('\n');
    };
    const shallow = await lines([]);
    assert.equal(shallow.length, 2, shallow.join('\n'));
    for (const line of shallow) {
      assert.match(line, /^<arrow>@\S+\(IncomingMessage \{.*\}, ServerResponse \{.*\}\) = undefined {2}[\d.]+ ms$/);
      assert.ok(line.length < 600, `${line.length} characters`);
    }
    const deep = await lines(['--depth', '2']);
    assert.equal(deep.length, 2);
    assert.ok(deep[0]!.length > shallow[0]!.length && deep[0]!.length < 600, `${deep[0]!.length} characters`);
  });

  it('lists a process whose event loop is blocked as not responding, without waiting for it', async () => {
    writeFileSync(
      join(APP_DIR, 'block.mjs'),
      "console.log('listening 0');\nsetTimeout(() => { const end = Date.now() + 8000; while (Date.now() < end); }, 500);\n",
    );
    const child = spawn(process.execPath, ['--import', REGISTER, join(APP_DIR, 'block.mjs')], {
      env: { ...process.env, ...ENV },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const started = Date.now();
    const r = await kheiron(['ps']);
    const took = Date.now() - started;
    child.kill();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^${child.pid} +- +- +- +\\(not responding within 2 s`, 'm'));
    assert.match(r.stdout, new RegExp(`^${app.pid} +\\d+s`, 'm'));
    assert.ok(took < 6000, `ps took ${took} ms`);
  });
});
