// Child harness for one workload: node [--import register.js] workload.js <file> <inner> [warmup]
// Loads the workload (ESM via import(), CommonJS via require()), calls run()
// `warmup` times (default 1) untimed, then `inner` more times, timing each call in-process.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { report, fail, isPreparedFunction } from './common.js';

interface WorkloadModule {
  run: () => unknown;
  /** Optional: a function whose preparation proves the run was prepared (e.g. a compiler entry point). */
  probe?: () => unknown;
}

const file = process.argv[2];
const inner = Number(process.argv[3] ?? '1');
const warmup = Number(process.argv[4] ?? '1');
if (file === undefined || !Number.isInteger(inner) || inner < 1 || !Number.isInteger(warmup) || warmup < 1)
  fail('usage: workload.js <file> <inner> [warmup]');

const loadStart = performance.now();
let loaded: unknown;
if (file.endsWith('.cjs')) {
  loaded = createRequire(import.meta.url)(file);
} else {
  loaded = await import(pathToFileURL(file).href);
}
const loadMs = performance.now() - loadStart;
const mod = loaded as Partial<WorkloadModule>;
if (typeof mod.run !== 'function') fail(`${file} does not export run()`);
const run = mod.run;

const warmStart = performance.now();
const warmChecksum = run();
for (let i = 1; i < warmup; i++) {
  const c = run();
  if (c !== warmChecksum) fail(`non-deterministic checksum in ${file}: ${String(warmChecksum)} then ${String(c)}`);
}
const warmupMs = performance.now() - warmStart;

const times: number[] = [];
const checksums: unknown[] = [];
for (let i = 0; i < inner; i++) {
  const t0 = performance.now();
  const c = run();
  times.push(performance.now() - t0);
  checksums.push(c);
}
for (const c of checksums) {
  if (c !== warmChecksum) fail(`non-deterministic checksum in ${file}: ${String(warmChecksum)} then ${String(c)}`);
}

const probe = typeof mod.probe === 'function' ? mod.probe() : run;
report({
  node: process.version,
  prepared: isPreparedFunction(probe),
  checksum: warmChecksum,
  loadMs,
  warmupMs,
  times,
  rssMB: process.memoryUsage().rss / 1e6,
});
