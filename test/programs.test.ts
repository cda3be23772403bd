// Real programs from npm must behave identically when every function of their
// package (and of the driver script) is prepared by the Kheiron loader.
// Each driver in test/programs/ runs twice as a child process: plain, and
// prepared via `--import register.js`; stdout, stderr and exit codes must match.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TEST_NODES } from './support/node.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const programsDir = join(root, 'test', 'programs');
const register = join(root, 'dist', 'src', 'loader', 'register.js');
const reporter = join(root, 'dist', 'test', 'support', 'report-registry.js');
const cacheDir = mkdtempSync(join(tmpdir(), 'kheiron-programs-'));

after(() => rmSync(cacheDir, { recursive: true, force: true }));

interface Program {
  driver: string;
  /** Package folder under node_modules whose files are all prepared. */
  pkg: string;
  /**
   * The prepared run must report more functions than this: about 90% of the
   * functions (acorn Function nodes) in the package files the driver loads.
   */
  minFunctions: number;
  timeout: number;
}

const programs: Program[] = [
  { driver: 'typescript-check.cjs', pkg: 'typescript', minFunctions: 20_000, timeout: 120_000 },
  { driver: 'terser-minify.mjs', pkg: 'terser', minFunctions: 1_700, timeout: 60_000 },
  { driver: 'marked-render.mjs', pkg: 'marked', minFunctions: 150, timeout: 30_000 },
];

// The Node version of this pass (npm test runs the suite on Node 24 and on Node 26).
const runtimes = TEST_NODES.map(({ label, path }) => ({ label, node: path }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(node: string, args: string[], extraEnv: Record<string, string>): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  for (const name of Object.keys(env)) if (name.startsWith('KHEIRON_')) delete env[name];
  Object.assign(env, extraEnv);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd: programsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - start) }),
    );
  });
}

const REPORT = /^KHEIRON_FUNCTIONS (\d+)\n/m;

for (const { label, node } of runtimes) {
  describe(`programs prepared under ${label}`, () => {
    for (const program of programs) {
      test(program.driver, { timeout: program.timeout }, async (t) => {
        assert.ok(existsSync(node), `missing ${node}`);
        assert.ok(existsSync(register), `missing ${register} (run \`npx tsc -p .\`)`);
        assert.ok(existsSync(reporter), `missing ${reporter}`);
        const driver = join(programsDir, program.driver);
        const env = {
          KHEIRON_INCLUDE: `**/node_modules/${program.pkg}/**,${driver}`,
          KHEIRON_CACHE_DIR: cacheDir,
        };

        const plain = await run(node, [driver], {});
        const prepared = await run(node, ['--import', register, '--import', reporter, driver], env);

        const count = Number(REPORT.exec(prepared.stderr)?.[1]);
        t.diagnostic(`plain ${plain.ms} ms, prepared ${prepared.ms} ms, ${count} functions prepared`);
        assert.equal(plain.code, 0, `plain run failed:\n${plain.stderr}`);
        assert.ok(plain.stdout.length > 500, 'plain run printed too little');
        assert.equal(prepared.code, 0, `prepared run failed (signal ${prepared.signal}):\n${prepared.stderr}`);
        assert.equal(prepared.stdout, plain.stdout);

        const reports = prepared.stderr.match(new RegExp(REPORT, 'gm')) ?? [];
        assert.equal(reports.length, 1, `expected one KHEIRON_FUNCTIONS line in stderr:\n${prepared.stderr}`);
        assert.equal(prepared.stderr.replace(REPORT, ''), plain.stderr);
        assert.ok(count > program.minFunctions, `only ${count} functions prepared, expected > ${program.minFunctions}`);
      });
    }
  });
}

test('prepared runs wrote to KHEIRON_CACHE_DIR', () => {
  assert.ok(readdirSync(cacheDir, { recursive: true }).length > 0, `${cacheDir} is empty`);
});
