/**
 * Files Kheiron writes for the user: the stripped module of a TypeScript rules file, and the
 * audit trail. Another user (nobody, uid 65534) plants links and files where they would go.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/node.js';
import { kheiron, startApp, type App } from './fixture.js';

const NOBODY = 65534;
const skip = process.getuid?.() === 0 ? false : 'needs root to act as nobody';
const INDEX = JSON.stringify(join(ROOT, 'dist/src/index.js'));

const BASE = mkdtempSync(join(tmpdir(), 'kheiron-files-'));
chmodSync(BASE, 0o755);
after(() => rmSync(BASE, { recursive: true, force: true }));

/** A file of root's that nobody must be able to have root write to. */
function victim(): string {
  const path = join(mkdtempSync(join(BASE, 'victim-')), 'precious');
  writeFileSync(path, 'precious\n', { mode: 0o600 });
  return path;
}

function asNobody(code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code], { uid: NOBODY, gid: NOBODY, cwd: '/' }, (error, _stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(),
    );
  });
}

const apps: App[] = [];
after(() => {
  for (const app of apps) app.child.kill();
});

async function start(env: NodeJS.ProcessEnv = {}): Promise<App> {
  const app = await startApp(process.execPath, env);
  apps.push(app);
  return app;
}

/**
 * As nobody, links to `target` under every name `.repairs.kheiron-<pid>.mjs` that a stripped
 * module could get: one for each pid up to pid_max (other processes on the machine take
 * pids quickly, threads too, so the next pid cannot be guessed).
 */
function plantLinks(dir: string, target: string): Promise<void> {
  const max = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
  return asNobody(`const fs = require('fs');
for (let pid = 2; pid < ${Math.min(max, 1 << 22)}; pid++) fs.symlinkSync(${JSON.stringify(target)}, ${JSON.stringify(dir)} + '/.repairs.kheiron-' + pid + '.mjs');`);
}

function rulesTs(dir: string): string {
  const file = join(dir, 'repairs.ts');
  writeFileSync(
    file,
    `import { defineRules, fallback } from ${INDEX};\nconst value: { id: number; price: number } = { id: -1, price: 0 };\nexport default defineRules('typed-files', fallback('**/shop.mjs#Prices.prototype.quote', value, { id: 'typed-fallback' }));\n`,
  );
  return file;
}

describe('the stripped module of a TypeScript rules file', { skip }, () => {
  let app: App;

  it('is not written through links another user planted beside the rules file, in a directory others can write to', async () => {
    app = await start();
    const shared = join(BASE, 'shared-rules');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const file = rulesTs(shared);
    const precious = victim();
    // Every name the stripped module could get, for the pids the CLI could have.
    await plantLinks(shared, precious);
    const before = readdirSync(shared).length;
    const r = await kheiron(['attach', String(app.pid), file]);
    assert.equal(readFileSync(precious, 'utf8'), 'precious\n', 'root overwrote a file through a planted link');
    assert.equal(r.code, 1, r.stdout);
    assert.match(
      r.stderr,
      new RegExp(
        `repairs\\.ts: the stripped module would be written where another user could replace it \\(${shared} is writable by other users and not sticky \\(mode 777\\)\\)`,
      ),
    );
    assert.equal(readdirSync(shared).length, before, 'something was written in the shared directory');
  });

  it("is written in a private directory of the user's in a sticky directory (like /tmp), and removed after", async () => {
    const sticky = join(BASE, 'sticky-rules');
    mkdirSync(sticky);
    chmodSync(sticky, 0o1777);
    const file = rulesTs(sticky);
    const precious = victim();
    await plantLinks(sticky, precious);
    const r = await kheiron(['attach', String(app.pid), file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^attached typed-fallback/);
    assert.equal(readFileSync(precious, 'utf8'), 'precious\n');
    assert.deepEqual(
      readdirSync(sticky).filter((n) => n.startsWith('.kheiron-')),
      [],
      'the private directory was left behind',
    );
    assert.equal((await kheiron(['detach', String(app.pid), '--all'])).code, 0);
  });

  it("keeps relative imports and import.meta naming the rules file's own directory", async () => {
    const dir = mkdtempSync(join(BASE, 'relative-'));
    writeFileSync(join(dir, 'value.js'), `export const value = { id: -7, price: 7 };\n`);
    writeFileSync(
      join(dir, 'relative.ts'),
      `import { defineRules, fallback } from ${INDEX};\nimport { value } from './value.js';\nconst here: string = import.meta.url;\nif (!here.endsWith('/relative.ts') || import.meta.dirname !== ${JSON.stringify(dir)}) throw new Error('import.meta names ' + here);\nconst { value: again } = await import('./value.js');\nexport default defineRules('relative', fallback('**/shop.mjs#Prices.prototype.quote', again === value ? value : null, { id: 'relative-fallback' }));\n`,
    );
    const r = await kheiron(['attach', String(app.pid), join(dir, 'relative.ts')]);
    assert.equal(r.code, 0, r.stderr);
    const body = await fetch(`http://127.0.0.1:${app.port}/-1`).then((res) => res.text());
    assert.equal(body, '{"id":-7,"price":7}');
    assert.equal((await kheiron(['detach', String(app.pid), '--all'])).code, 0);
    assert.deepEqual(readdirSync(dir).sort(), ['relative.ts', 'value.js']);
  });
});

describe('the audit file', { skip }, () => {
  /** Starts an app with this audit file and attaches the fixture's rules: the attach records an event. */
  async function attachWith(file: string) {
    const app = await start({ KHEIRON_AUDIT_FILE: file });
    return kheiron(['attach', String(app.pid), 'rules.js']);
  }

  it('is created owner-only (0600) and written', async () => {
    const file = join(mkdtempSync(join(BASE, 'audit-')), 'audit.jsonl');
    const r = await attachWith(file);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(readFileSync(file, 'utf8'), /"type":"attach"/);
  });

  it('is not opened through a link another user planted at its name', async () => {
    const dir = join(BASE, 'shared-audit');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const precious = victim();
    const file = join(dir, 'audit.jsonl');
    await asNobody(`require('fs').symlinkSync(${JSON.stringify(precious)}, ${JSON.stringify(file)})`);
    const r = await attachWith(file);
    assert.equal(readFileSync(precious, 'utf8'), 'precious\n', 'the audit trail was written through the link');
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, new RegExp(`audit file ${file} is a symbolic link: refused`));
    assert.ok(lstatSync(file).isSymbolicLink());
  });

  it('is refused when it exists with permissions for others, and keeps its mode', async () => {
    const file = join(mkdtempSync(join(BASE, 'audit-')), 'open.jsonl');
    writeFileSync(file, '');
    chmodSync(file, 0o666);
    const r = await attachWith(file);
    assert.equal(r.code, 1, r.stdout);
    assert.match(
      r.stderr,
      new RegExp(
        `audit file ${file} is open to other users \\(mode 666\\): refused; use a file of your own with mode 600`,
      ),
    );
    assert.equal(readFileSync(file, 'utf8'), '');
    assert.equal(statSync(file).mode & 0o777, 0o666);
  });

  it('is refused when it belongs to another user', async () => {
    const dir = mkdtempSync(join(BASE, 'audit-'));
    const file = join(dir, 'theirs.jsonl');
    writeFileSync(file, '', { mode: 0o600 });
    chownSync(file, NOBODY, NOBODY);
    const r = await attachWith(file);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, new RegExp(`audit file ${file} belongs to uid ${NOBODY}, not to this user`));
    assert.equal(readFileSync(file, 'utf8'), '');
  });

  it('is refused when it is a FIFO, without blocking', async () => {
    const dir = mkdtempSync(join(BASE, 'audit-'));
    const file = join(dir, 'fifo');
    await new Promise<void>((resolve, reject) =>
      execFile('mkfifo', [file], (error) => (error ? reject(error) : resolve())),
    );
    const r = await attachWith(file);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /audit file .*fifo/);
    assert.ok(existsSync(file));
  });
});
