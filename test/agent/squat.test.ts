/**
 * Another local user against the control channel: the socket directory taken first, a link
 * planted in its place, an agent impersonated. Real processes, real sockets, the second user
 * is `nobody` (uid 65534).
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kheiron, startApp, type App } from './fixture.js';

const NOBODY = 65534;
const root = process.getuid?.() === 0;
const skip = root ? false : 'needs root to run processes as nobody';
const uid = process.getuid?.() ?? 0;

/** A shared temporary directory like /tmp (sticky, writable by all), used as TMPDIR. */
const BASE = mkdtempSync(join(tmpdir(), 'kheiron-squat-'));
chmodSync(BASE, 0o755);
const SHARED = join(BASE, 'tmp');
mkdirSync(SHARED);
chmodSync(SHARED, 0o1777);
/** The directory that the agent and the CLI would use by convention. */
const CONVENTIONAL = join(SHARED, `kheiron-${uid}`);
/** Where the CLI looks for agents, as a user who has set nothing. */
const SHARED_ENV = { TMPDIR: SHARED, KHEIRON_SOCKET_DIR: '', XDG_RUNTIME_DIR: '' };

/**
 * An agent impersonated: listens on `path`, answers `hello` with `pid` and the other methods
 * from `answers`, and logs every connection and line it receives to `log`. Its socket gets
 * `mode` (777 for another user's, so that root's CLI could connect at all).
 */
const FAKE = join(BASE, 'fake-agent.mjs');
writeFileSync(
  FAKE,
  `import { createServer } from 'node:net';
import { appendFileSync, chmodSync } from 'node:fs';
const [path, helloPid, answers, log, mode = '600'] = process.argv.slice(2);
const table = JSON.parse(answers);
const server = createServer((socket) => {
  appendFileSync(log, 'connection\\n');
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('error', () => {});
  socket.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      appendFileSync(log, line + '\\n');
      const request = JSON.parse(line);
      const answer = request.method === 'hello' ? { result: { protocol: 1, pid: Number(helloPid) } } : (table[request.method] ?? { result: {} });
      socket.write(JSON.stringify({ jsonrpc: '2.0', id: request.id, ...answer }) + '\\n');
    }
  });
});
server.listen(path, () => {
  chmodSync(path, parseInt(mode, 8));
  console.log('listening');
});
`,
);
chmodSync(FAKE, 0o644);

/** What an impersonator answers: text with raw terminal escapes, and an attach that did nothing. */
const EVIL = '\u001b[2J\u001b]0;owned\u0007\u001b[31mEVIL\u001b[0m';
const ANSWERS = JSON.stringify({
  status: { result: { pid: 0, argv: [EVIL], node: EVIL, uptimeS: 1, functions: 1, rules: [], counters: {} } },
  attach: { result: { unprepared: false, rules: [{ id: EVIL, set: EVIL, functions: [], unreachable: [] }] } },
  audit: { error: { code: -32603, message: `cannot send the trail ${EVIL}` } },
});

const children: ChildProcess[] = [];
after(async () => {
  await Promise.all(
    children.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => child.once('exit', resolve).kill('SIGKILL')),
    ),
  );
  rmSync(BASE, { recursive: true, force: true });
});

function runAs(
  user: number | undefined,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: '/', timeout: 30_000, ...(user === undefined ? {} : { uid: user, gid: user }) },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

/** Runs `code` as nobody and fails the test if it fails. */
async function asNobody(code: string): Promise<void> {
  const r = await runAs(NOBODY, ['-e', code]);
  assert.equal(r.code, 0, r.stderr);
}

/** Starts the impersonator, as `user`, on `path`, answering `hello` with `pid`. */
function impersonate(user: number | undefined, path: string, pid: number, log: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [FAKE, path, String(pid), ANSWERS, log, user === undefined ? '600' : '777'], {
    cwd: '/',
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(user === undefined ? {} : { uid: user, gid: user }),
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the impersonator exited with ${code}`)));
  });
}

/** A plain Node process, started without Kheiron: no agent. */
function plainProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("up")'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

function answers(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/1', timeout: 20_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** The directories the agent of `pid` made for itself beside the conventional one. */
function ownDirs(pid: number): string[] {
  return readdirSync(SHARED)
    .filter((n) => n.startsWith(`kheiron-${uid}-${pid}-`))
    .map((n) => join(SHARED, n));
}

// eslint-disable-next-line no-control-regex -- raw control characters are what it looks for
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function assertNoEscapes(text: string): void {
  assert.doesNotMatch(text, RAW_CONTROL, `raw control characters reached the terminal: ${JSON.stringify(text)}`);
}

describe('the socket directory taken by another user first', { skip }, () => {
  let app: App;
  before(async () => {
    // nobody creates the directory the agent would use, open to all, before the app starts.
    await asNobody(
      `require('fs').mkdirSync(${JSON.stringify(CONVENTIONAL)}); require('fs').chmodSync(${JSON.stringify(CONVENTIONAL)}, 0o777);`,
    );
    assert.equal(lstatSync(CONVENTIONAL).uid, NOBODY);
    app = await startApp(process.execPath, SHARED_ENV);
    children.push(app.child);
  });

  it('does not stop the agent: it listens in a private directory of its own, and the CLI finds it', async () => {
    assert.equal(await answers(app.port), 200);
    const [own] = ownDirs(app.pid);
    assert.ok(own, `no directory of the agent's own in ${readdirSync(SHARED).join(', ')}`);
    const dir = lstatSync(own);
    assert.ok(dir.isDirectory() && !dir.isSymbolicLink());
    assert.equal(dir.uid, uid);
    assert.equal(dir.mode & 0o777, 0o700);
    const socket = lstatSync(join(own, `${app.pid}.sock`));
    assert.ok(socket.isSocket());
    assert.equal(socket.mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(CONVENTIONAL), [], 'nothing is created in the directory of nobody');

    const status = await kheiron(['status', String(app.pid), '--json'], SHARED_ENV);
    assert.equal(status.code, 0, status.stderr);
    assert.equal(JSON.parse(status.stdout).pid, app.pid);
    const attached = await kheiron(['attach', String(app.pid), 'rules.js'], SHARED_ENV);
    assert.equal(attached.code, 0, attached.stderr);
    assert.match(attached.stdout, /^attached quote-fallback/);
    assert.equal((await kheiron(['detach', String(app.pid), '--all'], SHARED_ENV)).code, 0);
  });

  it('ps lists the agent, names the directory of the other user on stderr, and exits 1', async () => {
    const r = await kheiron(['ps', '--json'], SHARED_ENV);
    assert.equal(r.code, 1, r.stderr);
    assert.ok((JSON.parse(r.stdout) as { pid: number }[]).some((p) => p.pid === app.pid));
    assert.match(
      r.stderr,
      new RegExp(`ignoring ${CONVENTIONAL}: ${CONVENTIONAL} belongs to uid ${NOBODY}, not to you \\(uid ${uid}\\)`),
    );
  });

  it('ps removes what an agent killed without cleaning up left behind', async () => {
    const victim = await startApp(process.execPath, SHARED_ENV);
    children.push(victim.child);
    const [own] = ownDirs(victim.pid);
    assert.ok(own);
    victim.child.kill('SIGKILL');
    await new Promise((resolve) => victim.child.once('exit', resolve));
    await kheiron(['ps'], SHARED_ENV);
    assert.equal(existsSync(own), false);
  });
});

describe('a link planted by another user where the socket directory would be', { skip }, () => {
  it('is not followed: the agent listens in a private directory of its own, nothing is created where the link points', async () => {
    const shared = join(BASE, 'linked');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const conventional = join(shared, `kheiron-${uid}`);
    // A directory of this user's, mode 0700: following the link would pass every check on it.
    const target = mkdtempSync(join(BASE, 'private-'));
    await asNobody(`require('fs').symlinkSync(${JSON.stringify(target)}, ${JSON.stringify(conventional)})`);
    assert.ok(lstatSync(conventional).isSymbolicLink());
    const env = { ...SHARED_ENV, TMPDIR: shared };
    const app = await startApp(process.execPath, env);
    children.push(app.child);
    try {
      assert.deepEqual(readdirSync(target), []);
      const own = readdirSync(shared).filter((n) => n.startsWith(`kheiron-${uid}-${app.pid}-`));
      assert.equal(own.length, 1, readdirSync(shared).join(', '));
      assert.ok(lstatSync(join(shared, own[0]!, `${app.pid}.sock`)).isSocket());
      const status = await kheiron(['status', String(app.pid), '--json'], env);
      assert.equal(status.code, 0, status.stderr);
      assert.equal(JSON.parse(status.stdout).pid, app.pid);
    } finally {
      app.child.kill();
    }
  });
});

describe('an agent impersonated by another user in the directory taken first', { skip }, () => {
  let plain: ChildProcess;
  let log: string;
  before(async () => {
    if (!existsSync(CONVENTIONAL))
      await asNobody(
        `require('fs').mkdirSync(${JSON.stringify(CONVENTIONAL)}); require('fs').chmodSync(${JSON.stringify(CONVENTIONAL)}, 0o777);`,
      );
    // A process without Kheiron: the impersonator claims to be its agent.
    plain = await plainProcess();
    log = join(CONVENTIONAL, 'received.log');
    await asNobody(
      `require('fs').writeFileSync(${JSON.stringify(log)}, ''); require('fs').chmodSync(${JSON.stringify(log)}, 0o666);`,
    );
    await impersonate(NOBODY, join(CONVENTIONAL, `${plain.pid}.sock`), plain.pid!, log);
  });

  for (const command of ['status', 'attach', 'functions', 'audit']) {
    it(`${command} refuses it with a clear error and exit code 1, and sends it nothing`, async () => {
      const args = command === 'attach' ? ['attach', String(plain.pid), 'rules.js'] : [command, String(plain.pid)];
      const r = await kheiron(args, SHARED_ENV);
      assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        new RegExp(
          `refusing ${join(CONVENTIONAL, `${plain.pid}.sock`)}: ${CONVENTIONAL} belongs to uid ${NOBODY}, not to you \\(uid ${uid}\\); another user may be impersonating a Kheiron agent`,
        ),
      );
      assertNoEscapes(r.stderr);
      assert.equal(readFileSync(log, 'utf8'), '', 'the CLI connected to the impersonator');
    });
  }

  it('ps refuses it: not listed, its directory named, exit code 1', async () => {
    const r = await kheiron(['ps'], SHARED_ENV);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /EVIL/);
    assert.doesNotMatch(r.stdout, new RegExp(`^${plain.pid}\\b`, 'm'));
    assert.match(r.stderr, /another user may be impersonating Kheiron agents/);
    assertNoEscapes(r.stdout + r.stderr);
    assert.equal(readFileSync(log, 'utf8'), '');
  });
});

describe(
  "an agent impersonated by this user's own processes",
  { skip: process.platform !== 'linux' ? 'reads /proc' : false },
  () => {
    // A directory that is this user's: only the process and hello checks stand between.
    const dir = join(mkdtempSync(join(BASE, 'own-')), 'agents');
    mkdirSync(dir, { mode: 0o700 });
    const env = { KHEIRON_SOCKET_DIR: dir };
    const log = join(dir, 'received.log');

    it('refuses a socket named after a process that does not hold it, before sending anything', async () => {
      const plain = await plainProcess();
      writeFileSync(log, '');
      await impersonate(undefined, join(dir, `${plain.pid}.sock`), plain.pid!, log);
      const r = await kheiron(['status', String(plain.pid)], env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(
        r.stderr,
        new RegExp(`refusing .*${plain.pid}\\.sock: the socket listening on it is not held by process ${plain.pid}`),
      );
      assert.equal(readFileSync(log, 'utf8'), '');
    });

    it('refuses an agent whose hello names another process', async () => {
      writeFileSync(log, '');
      // It listens on the socket named after itself, and says it is process 1.
      const liar = await impersonateAsItself(dir, 1, log);
      const r = await kheiron(['status', String(liar.pid)], env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, new RegExp(`refusing .*${liar.pid}\\.sock: the agent there says it is process 1`));
      assert.equal(r.stdout, '');
    });

    it("prints an agent's text with its control characters escaped", async () => {
      writeFileSync(log, '');
      const honest = await impersonateAsItself(dir, undefined, log);
      const status = await kheiron(['status', String(honest.pid)], env);
      assert.equal(status.code, 0, status.stderr);
      assertNoEscapes(status.stdout);
      assert.match(status.stdout, /command: \\x1b\[2J\\x1b\]0;owned\\x07\\x1b\[31mEVIL\\x1b\[0m/);
      const json = await kheiron(['status', String(honest.pid), '--json'], env);
      assertNoEscapes(json.stdout);
      assert.deepEqual(JSON.parse(json.stdout).argv, [EVIL], 'the JSON still reads back as the same text');
      const audit = await kheiron(['audit', String(honest.pid)], env);
      assert.equal(audit.code, 1);
      assert.match(audit.stderr, /cannot send the trail \\x1b\[2J/);
      assertNoEscapes(audit.stderr);
    });
  },
);

/** An impersonator that listens on the socket named after its own pid; hello says `pid` (default: its own). */
async function impersonateAsItself(dir: string, pid: number | undefined, log: string): Promise<ChildProcess> {
  const script = `const path = require('node:path').join(${JSON.stringify(dir)}, process.pid + '.sock');
process.argv = [process.argv[0], ${JSON.stringify(FAKE)}, path, String(${pid ?? 'process.pid'}), ${JSON.stringify(ANSWERS)}, ${JSON.stringify(log)}];
import(${JSON.stringify(FAKE)});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the impersonator exited with ${code}`)));
  });
  return child;
}
