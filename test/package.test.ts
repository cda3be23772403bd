import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runNode } from './support/node.js';

/*
 * The package as users get it: `npm pack`, installed into a scratch directory, and run from
 * there. npm's own script runs under the Node of this pass, not the machine's.
 */

function npmCli(): string {
  const fromScript = process.env.npm_execpath;
  if (fromScript && /npm-cli\.js$/.test(fromScript)) return fromScript;
  const npm = execFileSync('sh', ['-c', 'readlink -f "$(command -v npm)"'], { encoding: 'utf8' }).trim();
  const cli = join(dirname(npm), 'npm-cli.js');
  if (!existsSync(cli)) throw new Error(`no npm-cli.js next to ${npm}: npm is needed to pack the package`);
  return cli;
}

let scratch: string;
let tarball: string;
let packed: string[];
before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'kheiron-package-'));
  const npm = npmCli();
  const pack = await runNode(process.execPath, [npm, 'pack', '--json', '--pack-destination', scratch], {
    cwd: ROOT,
    timeout: 120_000,
  });
  assert.equal(pack.code, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(scratch, info!.filename);
  packed = info!.files.map((f) => f.path);
  writeFileSync(join(scratch, 'package.json'), '{ "name": "scratch", "private": true, "type": "module" }\n');
  const install = await runNode(
    process.execPath,
    [npm, 'install', '--prefer-offline', '--no-audit', '--no-fund', tarball],
    { cwd: scratch, timeout: 300_000 },
  );
  assert.equal(install.code, 0, install.stderr);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the built code, its TypeScript sources, the examples and the licence, and nothing of the tests or benchmarks', () => {
    for (const file of [
      'dist/src/loader/register.js',
      'dist/src/cli/kheiron.js',
      'src/loader/register.ts',
      'examples/shop/repairs.js',
      'src/console/public/index.html',
      'src/console/public/app.js',
      'src/console/public/chart.js',
      'src/console/public/style.css',
      'LICENSE',
      'README.md',
      'package.json',
    ]) {
      assert.ok(packed.includes(file), `${file} is packed`);
    }
    assert.deepEqual(
      packed.filter((f) => /^(test|bench|dist\/test|dist\/bench)\//.test(f)),
      [],
    );
  });

  it(
    'runs the demo from an installed copy: the rules attached to the running service repair it',
    { timeout: 180_000 },
    async () => {
      const cli = join(scratch, 'node_modules/kheiron/dist/src/cli/kheiron.js');
      const r = await runNode(process.execPath, [cli, 'demo', '--seconds', '2', '--connections', '8'], {
        cwd: scratch,
        timeout: 180_000,
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, />>> kheiron attach \d+ examples\/shop\/repairs\.js/);
      assert.match(r.stdout, /result: the repairs worked/);
    },
  );

  it('serves the web console from an installed copy: its page ships in the package', { timeout: 30_000 }, async () => {
    const cli = join(scratch, 'node_modules/kheiron/dist/src/cli/kheiron.js');
    const child = spawn(process.execPath, [cli, 'console'], { cwd: scratch, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolvePromise, reject) => {
        let text = '';
        child.stdout!.setEncoding('utf8');
        child.stdout!.on('data', (chunk: string) => {
          text += chunk;
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(text);
          if (m) resolvePromise(m[0]);
        });
        child.once('exit', (code) => reject(new Error(`kheiron console exited (${code}): ${text}`)));
      });
      const page = await fetch(url);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<title>Kheiron console<\/title>/);
      assert.match(html, /function drawChart/);
      assert.match(html, /async function api\(/);
    } finally {
      child.kill();
    }
  });

  it('names files that exist in stack frames with --enable-source-maps, and is imported by its name', async () => {
    writeFileSync(
      join(scratch, 'bad-target.mjs'),
      "import { attach } from 'kheiron';\ntry { attach({ target: 42 }); } catch (e) { console.log(e.stack); }\n",
    );
    const r = await runNode(process.execPath, ['--enable-source-maps', 'bad-target.mjs'], { cwd: scratch });
    assert.equal(r.code, 0, r.stderr);
    const files = [...r.stdout.matchAll(/\((?:file:\/\/)?(\/[^:)]+):\d+:\d+\)/g)]
      .map((m) => m[1]!)
      .filter((f) => f.includes('/node_modules/kheiron/'));
    assert.ok(
      files.some((f) => f.endsWith('.ts')),
      `frames mapped to the TypeScript sources:\n${r.stdout}`,
    );
    for (const file of files) assert.ok(existsSync(file), `${file} exists`);
  });
});
