import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { socketInodes, tcpTable } from '../../src/cli/procfs.js';
import { CLI, NODES, ROOT } from '../support/node.js';
import { APP_DIR, body, ENV, kheiron, SOCKET_DIR } from './fixture.js';

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
writeFileSync(
  join(APP_DIR, 'quote-rules.mjs'),
  `import { defineRules, fallback } from ${INDEX};\nexport default defineRules('quotes', fallback('Quotes.prototype.quote', { id: -1, price: 0 }, { id: 'quote-fallback' }));\n`,
);
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
writeFileSync(
  join(APP_DIR, 'retry-rules.mjs'),
  `import { defineRules, retry } from ${INDEX};\nexport default defineRules('again', retry('round', { id: 'round-retry' }));\n`,
);

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
  return new Promise((resolve) =>
    get({ host: '127.0.0.1', port, path }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', () =>
      resolve(0),
    ),
  );
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('attach to a process started without Kheiron', () => {
  // The CLI runs on this pass's Node, the service on each of NODES: across the two passes of
  // npm test (Node 24, Node 26), every pairing of CLI and service versions, each once.
  for (const node of NODES) {
    it(
      `loads the agent over the inspector into a CommonJS service, prepares it over LiveEdit, closes the inspector; detach restores (${node.label})`,
      { timeout: 60_000 },
      async () => {
        const app = await startPlain(node.path);
        assert.equal(await status(app.port, '/-1'), 500);
        const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs', '--allow-inspector']);
        assert.equal(r.code, 0, r.stderr);
        assert.match(
          r.stderr,
          new RegExp(`process ${app.pid} was started without Kheiron: loading the agent over its inspector`),
        );
        assert.match(r.stdout, /attached quote-fallback \(quotes\) to Quotes\.prototype\.quote \[live-edit\]/);
        assert.match(r.stdout, /started without Kheiron: functions are prepared in place over V8 LiveEdit/);
        assert.equal(await status(app.port, '/-1'), 200);
        // The inspector is closed again.
        assert.equal(await status(9229, '/json/list'), 0);
        const d = await kheiron(['detach', String(app.pid), '--all']);
        assert.equal(d.code, 0, d.stderr);
        assert.equal(await status(app.port, '/-1'), 500);
        assert.equal(await status(app.port, '/2'), 200);
      },
    );

    it(
      `reaches unexported functions over LiveEdit and patches exports where LiveEdit cannot (${node.label})`,
      { timeout: 60_000 },
      async () => {
        const app = await startPlain(node.path);
        assert.equal(await body(app.port, '/2'), '{"id":2,"price":3}');
        const r = await kheiron([
          'attach',
          String(app.pid),
          'reach-rules.mjs',
          '--json',
          '--allow-inspector',
          '--pending',
        ]);
        assert.equal(r.code, 0, r.stderr);
        const result = JSON.parse(r.stdout);
        const rule = (id: string) => result.rules.find((x: { id: string }) => x.id === id);
        assert.deepEqual(
          rule('round').functions.map((f: { name: string; prepared: string }) => [f.name, f.prepared]),
          [['round', 'live-edit']],
        );
        // LiveEdit would leave `label`'s closure on the old code, so the export is patched, named as in its source.
        assert.deepEqual(
          rule('label').functions.map((f: { name: string; prepared: string }) => [f.name, f.prepared]),
          [['label', 'patched']],
        );
        assert.deepEqual(rule('label').unreachable, []);
        assert.equal(await body(app.port, '/2'), '{"id":2,"price":100}');
        assert.equal(await body(app.port, '/label/7'), 'patched quote 7');
        await kheiron(['detach', String(app.pid), '--all']);
        assert.equal(await body(app.port, '/2'), '{"id":2,"price":3}');
        assert.equal(await body(app.port, '/label/7'), 'quote 7');
      },
    );

    it(
      `prepares an ES module in place and reports, per rule and function, what V8 LiveEdit cannot reach and why (${node.label})`,
      { timeout: 60_000 },
      async () => {
        const app = await startPlain(node.path, [], 'esm-service.mjs');
        const file = escape(join(APP_DIR, 'esm-service.mjs'));
        const r = await kheiron(['attach', String(app.pid), 'reach-rules.mjs', '--allow-inspector', '--pending']);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /attached round \(reach\) to round \[live-edit\]/);
        assert.equal(await body(app.port, '/2'), '{"id":2,"price":100}');
        assert.match(r.stdout, /attached unreachable \(reach\) to no function: none of the attachable ones matches/);
        assert.match(
          r.stdout,
          new RegExp(`not attached to double \\(${file}:11\\): an arrow function with an expression body`),
        );
        assert.match(
          r.stdout,
          new RegExp(
            `not attached to triple \\(${file}:12\\): V8 LiveEdit would keep the function's existing closures on their old code`,
          ),
        );
        assert.match(
          r.stdout,
          new RegExp(
            `not attached to waiting \\(${file}:13\\): V8 LiveEdit refused: a suspended activation of it exists`,
          ),
        );
        // An edit in place keeps no copy of the original: a rule that runs it again is refused.
        const again = await kheiron(['attach', String(app.pid), 'retry-rules.mjs', '--allow-inspector']);
        assert.equal(again.code, 1);
        assert.match(
          again.stderr,
          /round-retry.*runs the original function again, which is not possible for round \(prepared in place over V8 LiveEdit/,
        );
        const d = await kheiron(['detach', String(app.pid), '--all']);
        assert.equal(d.code, 0, d.stderr);
        assert.equal(await body(app.port, '/2'), '{"id":2,"price":3}');
      },
    );
  }

  it('refuses clearly under the permission model', { timeout: 60_000 }, async () => {
    // Node >= 25 restricts the network under the permission model too (--allow-net lets the service listen).
    const net = process.allowedNodeEnvironmentFlags.has('--allow-net') ? ['--allow-net'] : [];
    const app = await startPlain(process.execPath, ['--permission', '--allow-fs-read=*', ...net]);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs', '--allow-inspector']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, new RegExp(`process ${app.pid} did not open its inspector: .*the permission model`));
    assert.equal(await status(app.port, '/-1'), 500);
  });

  it('refuses clearly where the inspector is unavailable', { timeout: 60_000 }, async () => {
    const app = await startPlain(process.execPath, ['--disable-sigusr1']);
    const r = await kheiron(['attach', String(app.pid), 'quote-rules.mjs', '--allow-inspector']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, new RegExp(`process ${app.pid} did not open its inspector: .*--disable-sigusr1`));
    assert.equal(await status(app.port, '/-1'), 500);
  });
});

// A service whose main thread a request blocks in native code (no JavaScript runs, so no
// inspector request is served) for the given number of seconds.
writeFileSync(
  join(APP_DIR, 'blocking.cjs'),
  `const { createServer } = require('node:http');
const { spawnSync } = require('node:child_process');
createServer((req, res) => {
  if (req.url.startsWith('/block/')) { res.end('blocking'); setTimeout(() => spawnSync('sleep', [req.url.slice(7)]), 20); return; }
  if (req.url.startsWith('/spin/')) { res.end('spinning'); const end = Date.now() + 1000 * Number(req.url.slice(6)); setTimeout(() => { while (Date.now() < end); }, 20); return; }
  res.end('ok');
}).listen(0, '127.0.0.1', function () { console.log('listening ' + this.address().port); });
`,
);

/** A plain service, its standard error kept (Node says there when its inspector opens). */
function startWatched(
  node: string,
  flags: string[],
  file: string,
): Promise<{ pid: number; port: number; stderr: () => string }> {
  const child = spawn(node, [...flags, join(APP_DIR, file)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      const m = /listening (\d+)/.exec(chunk);
      if (m) resolve({ pid: child.pid!, port: Number(m[1]), stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
}

/** The TCP ports process `pid` listens on. */
function listening(pid: number): number[] {
  try {
    const mine = socketInodes(pid);
    return tcpTable(pid)
      .filter((e) => e.state === 'listen' && mine.has(e.inode))
      .map((e) => e.localPort);
  } catch {
    return [];
  }
}

async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The CLI as a child process of its own, to signal it. */
function startCli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: APP_DIR,
    env: { ...process.env, ...ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdout!.resume();
  return {
    child,
    done: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr }))),
  };
}

// Another user: uid 65534 polls 127.0.0.1:9229 as fast as it can, and on each connection
// asks /json/list, opens a session and evaluates code that writes a file as the target's user.
const ATTACKER = `
const net = require('net'); const crypto = require('crypto');
const [port, ms, marker] = [Number(process.argv[1]), Number(process.argv[2]), process.argv[3]];
const c = { attempts: 0, connects: 0, lists: 0, sessions: 0, answers: 0 };
const end = Date.now() + ms;
function frame(text) { const p = Buffer.from(text); const mask = crypto.randomBytes(4); const h = Buffer.from([0x81, 0x80 | 126, p.length >> 8, p.length & 255]); const m = Buffer.alloc(p.length); for (let i = 0; i < p.length; i++) m[i] = p[i] ^ mask[i & 3]; return Buffer.concat([h, mask, m]); }
function session(id) {
  const s = net.connect(port, '127.0.0.1'); let buf = Buffer.alloc(0); let up = false;
  s.on('connect', () => s.write('GET /' + id + ' HTTP/1.1\\r\\nHost: 127.0.0.1:' + port + '\\r\\nConnection: Upgrade\\r\\nUpgrade: websocket\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: ' + crypto.randomBytes(16).toString('base64') + '\\r\\n\\r\\n'));
  s.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    if (!up && buf.includes('\\r\\n\\r\\n') && /^HTTP\\/1.1 101/.test(buf.toString('latin1'))) {
      up = true; c.sessions++;
      s.write(frame(JSON.stringify({ id: 7, method: 'Runtime.evaluate', params: { expression: "process.getBuiltinModule('fs').writeFileSync(" + JSON.stringify(marker) + ", 'uid ' + process.getuid()), 'ran'", returnByValue: true } })));
    } else if (up && buf.includes('"id":7')) { c.answers++; buf = Buffer.alloc(0); }
  });
  s.on('error', () => {});
}
function poll() {
  if (Date.now() > end) { console.log(JSON.stringify(c)); process.exit(0); }
  c.attempts++;
  const s = net.connect(port, '127.0.0.1'); let buf = '';
  s.on('connect', () => { c.connects++; s.write('GET /json/list HTTP/1.1\\r\\nHost: 127.0.0.1:' + port + '\\r\\n\\r\\n'); });
  s.on('data', (d) => { buf += d; const m = /ws:\\/\\/[^/]+\\/([0-9a-f-]{36})/.exec(buf); if (m) { c.lists++; s.destroy(); session(m[1]); } });
  s.on('error', () => {});
  s.on('close', () => setImmediate(poll));
}
console.log('polling'); poll();
`;

describe('the inspector window', () => {
  const rules = 'quote-rules.mjs';

  it(
    'refuses a process started without Kheiron unless --allow-inspector, and says what the flag risks',
    { timeout: 60_000 },
    async () => {
      const app = await startWatched(process.execPath, [], 'service.cjs');
      const r = await kheiron(['attach', String(app.pid), rules]);
      assert.equal(r.code, 3);
      assert.match(
        r.stderr,
        new RegExp(
          `process ${app.pid} was started without Kheiron: loading the agent over its inspector needs --allow-inspector`,
        ),
      );
      assert.match(r.stderr, /any local user who connects to it in that time can run code as the process's user/);
      assert.doesNotMatch(app.stderr(), /Debugger listening/); // no signal was sent
      assert.deepEqual(listening(app.pid), [app.port]);
      const help = await kheiron(['help']);
      assert.match(
        help.stdout,
        /--allow-inspector: it opens the process's inspector on 127\.0\.0\.1 for a few\s+milliseconds \(SIGUSR1\), and any local user who connects to it in that time can run\s+code as the process's user/,
      );
    },
  );

  it(
    'closes the inspector first thing: the window is measured and short, and nothing listens afterwards',
    { timeout: 60_000 },
    async (t) => {
      const app = await startWatched(process.execPath, [], 'service.cjs');
      const r = await kheiron(['attach', String(app.pid), rules, '--allow-inspector']);
      assert.equal(r.code, 0, r.stderr);
      const m =
        /the inspector of process \d+ \(127\.0\.0\.1:9229\) was open ([\d.]+) ms, closed ([\d.]+) ms after the signal/.exec(
          r.stderr,
        );
      assert.ok(m, r.stderr);
      t.diagnostic(`open ${m[1]} ms, closed ${m[2]} ms after SIGUSR1`);
      assert.ok(Number(m[1]) < 2000, r.stderr); // generous: a loaded 2-core machine
      assert.deepEqual(listening(app.pid), [app.port]);
      assert.equal(await status(app.port, '/-1'), 200);
    },
  );

  it(
    'uses the port the target really opens (--inspect-port=9333), and 9333 does not stay open',
    { timeout: 60_000 },
    async () => {
      const app = await startWatched(process.execPath, ['--inspect-port=9333'], 'service.cjs');
      const r = await kheiron(['attach', String(app.pid), rules, '--allow-inspector']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /\(127\.0\.0\.1:9333\) was open/);
      assert.match(app.stderr(), /Debugger listening on ws:\/\/127\.0\.0\.1:9333\//);
      assert.deepEqual(listening(app.pid), [app.port]);
      assert.equal(await status(9333, '/json/list'), 0);
      assert.equal(await status(app.port, '/-1'), 200);
    },
  );

  it(
    'refuses a target whose inspector is open already (--inspect), and sends it nothing',
    { timeout: 60_000 },
    async () => {
      const app = await startWatched(process.execPath, ['--inspect=127.0.0.1:9334'], 'service.cjs');
      const r = await kheiron(['attach', String(app.pid), rules, '--allow-inspector']);
      assert.equal(r.code, 3);
      assert.match(
        r.stderr,
        new RegExp(`process ${app.pid} was started with --inspect=127\\.0\\.0\\.1:9334: its inspector is open already`),
      );
      assert.doesNotMatch(app.stderr(), /Debugger attached/);
      assert.equal(await status(app.port, '/-1'), 500);
    },
  );

  it(
    'two concurrent attaches to two plain processes both succeed, one window after the other',
    { timeout: 90_000 },
    async () => {
      const a = await startWatched(process.execPath, [], 'service.cjs');
      const b = await startWatched(process.execPath, [], 'service.cjs');
      const [ra, rb] = await Promise.all([
        kheiron(['attach', String(a.pid), rules, '--allow-inspector']),
        kheiron(['attach', String(b.pid), rules, '--allow-inspector']),
      ]);
      assert.equal(ra.code, 0, ra.stderr);
      assert.equal(rb.code, 0, rb.stderr);
      assert.equal(await status(a.port, '/-1'), 200);
      assert.equal(await status(b.port, '/-1'), 200);
      assert.deepEqual(listening(a.pid), [a.port]);
      assert.deepEqual(listening(b.pid), [b.port]);
      assert.doesNotMatch(a.stderr() + b.stderr(), /address already in use/);
    },
  );

  it(
    'SIGINT to the CLI mid-attach leaves no open inspector: the detached window process closes it when the target opens it',
    { timeout: 90_000 },
    async () => {
      const app = await startWatched(process.execPath, [], 'blocking.cjs');
      assert.equal(await body(app.port, '/block/3'), 'blocking');
      await new Promise((r) => setTimeout(r, 100)); // the main thread is in spawnSync now: Node opens the inspector only when it returns
      const cli = startCli(['attach', String(app.pid), rules, '--allow-inspector']);
      await until('the window to be taken', () => existsSync(join(SOCKET_DIR, 'inspector.lock')), 20_000, 5);
      cli.child.kill('SIGINT');
      const r = await cli.done;
      assert.equal(r.signal, 'SIGINT', r.stderr);
      await until('the target to open its inspector', () => /Debugger listening/.test(app.stderr()), 30_000);
      await until('the inspector to be closed', () => listening(app.pid).length === 1, 30_000);
      assert.deepEqual(listening(app.pid), [app.port]);
      await until('the window process to be done', () => !existsSync(join(SOCKET_DIR, 'inspector.lock')), 30_000);
      assert.equal(await body(app.port, '/'), 'ok');
    },
  );

  it(
    'a target blocked longer than the CLI waits: the CLI gives up within its bound, the inspector is closed when the target opens it',
    { timeout: 90_000 },
    async () => {
      const app = await startWatched(process.execPath, [], 'blocking.cjs');
      assert.equal(await body(app.port, '/block/8'), 'blocking');
      await new Promise((r) => setTimeout(r, 100));
      const t0 = Date.now();
      const r = await kheiron(['attach', String(app.pid), rules, '--allow-inspector']);
      assert.equal(r.code, 3, r.stderr);
      assert.match(
        r.stderr,
        /did not open its inspector within 5 s of the signal: its main thread may be blocked .* if it opens later, kheiron closes it at once/,
      );
      assert.ok(Date.now() - t0 < 20_000);
      await until('the target to open its inspector', () => /Debugger listening/.test(app.stderr()), 30_000);
      await until('the inspector to be closed', () => listening(app.pid).length === 1, 30_000);
      assert.equal(await body(app.port, '/'), 'ok');
      assert.equal(await status(9229, '/json/list'), 0);
    },
  );

  it(
    'a target whose event loop is busy in JavaScript: its inspector is closed at once, and again when Node opens it a second time as the loop frees; the attach completes then',
    { timeout: 90_000 },
    async () => {
      const app = await startWatched(process.execPath, [], 'blocking.cjs');
      assert.equal(await body(app.port, '/spin/6'), 'spinning');
      await new Promise((r) => setTimeout(r, 100));
      const t0 = Date.now();
      // The rules target the shop, not this target: --pending, as the window is what is tested.
      const cli = startCli(['attach', String(app.pid), rules, '--allow-inspector', '--pending']);
      // Node opens the inspector and runs the closing evaluation on interrupts of the main thread.
      await until('the target to open its inspector', () => /Debugger listening/.test(app.stderr()), 30_000, 5);
      await until('the inspector to be closed', () => listening(app.pid).length <= 1, 30_000, 5);
      const closedAfter = Date.now() - t0;
      const r = await cli.done;
      assert.equal(r.code, 0, r.stderr);
      assert.ok(closedAfter < Date.now() - t0, `closed after ${closedAfter} ms, before the CLI finished`);
      assert.deepEqual(listening(app.pid), [app.port]);
    },
  );

  for (const node of NODES) {
    it(
      `another user polling 127.0.0.1:9229 during the attach: every connection it makes is seen and reported, nothing is loaded then, and the inspector is closed (${node.label})`,
      { timeout: 90_000 },
      async (t) => {
        const app = await startWatched(node.path, [], 'service.cjs');
        const dir = mkdtempSync(join(tmpdir(), 'kheiron-attacker-'));
        chmodSync(dir, 0o755);
        const marker = join(APP_DIR, `ran-${app.pid}`); // only the target's user (root) can write there
        const attacker = spawn(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', node.path, '-e', ATTACKER, '9229', '6000', marker],
          { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        children.push(attacker);
        let out = '';
        attacker.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
        await until('the attacker to poll', () => out.includes('polling'), 20_000);
        const r = await kheiron(['attach', String(app.pid), rules, '--allow-inspector']);
        await until('the attacker to finish', () => /\{.*\}/.test(out), 30_000, 50);
        const counts = JSON.parse(/\{.*\}/.exec(out)![0]) as {
          attempts: number;
          connects: number;
          lists: number;
          sessions: number;
          answers: number;
        };
        const ran = existsSync(marker);
        t.diagnostic(
          `attacker: ${JSON.stringify(counts)}; its code ran in the target: ${ran}; attach exit ${r.code}: ${r.stderr.trim().split('\n').at(-1)}`,
        );
        // What holds whatever the race: the inspector is closed, and an attacker who got in is named.
        assert.deepEqual(listening(app.pid), [app.port]);
        assert.equal(await status(9229, '/json/list'), 0);
        if (r.code === 3) {
          // It connected before kheiron's session: refused, nothing loaded.
          assert.match(
            r.stderr,
            /other connections reached the inspector of process \d+ before kheiron's \(\d+ connections? by uid 65534\): kheiron closed it [\d.]+ ms after it opened and loaded nothing/,
          );
          assert.equal(existsSync(join(SOCKET_DIR, `${app.pid}.sock`)), false);
        } else if (counts.connects > 0) {
          // It connected after kheiron's session: attached, and the warning names it.
          assert.equal(r.code, 0, r.stderr);
          assert.match(
            r.stderr,
            /warning: while it was open, \d+ other connections? \(uid 65534\) reached it after kheiron's: they may have run code/,
          );
        } else {
          assert.equal(r.code, 0, r.stderr);
          assert.equal(ran, false);
        }
      },
    );
  }
});
