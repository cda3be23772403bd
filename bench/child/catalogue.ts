// Child harness for the attached cost of each catalogue entry:
//   node --import register.js catalogue.js <hot.mjs> <batchMs> <batches>
// Attaches one entry at a time to Vec3.prototype.dot (a hot, tiny, never-failing method),
// measures ns per call, detaches, and reports the cost over the dormant loop.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { report, fail, isPreparedFunction, kheironDist } from './common.js';

interface HotModule {
  Vec3: { prototype: { dot: unknown } };
  loop: (n: number) => number;
}

const [file, batchMsArg, batchesArg] = process.argv.slice(2);
if (file === undefined) fail('usage: catalogue.js <hot.mjs> <batchMs> <batches>');
const batchMs = Number(batchMsArg);
const batches = Number(batchesArg);
const hot = (await import(pathToFileURL(file).href)) as HotModule;
if (!isPreparedFunction(hot.Vec3.prototype.dot)) fail(`Vec3.prototype.dot in ${file} is not prepared`);
const k: any = await import(pathToFileURL(path.join(kheironDist, 'index.js')).href);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function measure(): number {
  let calls = 256;
  for (;;) {
    const t0 = process.hrtime.bigint();
    hot.loop(calls);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > batchMs / 8 || calls >= 2 ** 30) break;
    calls *= 2;
  }
  calls = Math.max(256, Math.round((calls * batchMs) / Math.max(1e-3, batchMs / 8) / 8 / 256) * 256);
  const perCall: number[] = [];
  for (let b = 0; b < 2 + batches; b++) {
    const t0 = process.hrtime.bigint();
    hot.loop(calls);
    if (b >= 2) perCall.push(Number(process.hrtime.bigint() - t0) / calls);
  }
  return median(perCall);
}

const target = '**/hot.mjs#Vec3.prototype.dot';
const entries: [string, () => unknown][] = [
  ['invariant', () => k.invariant(target, () => true, { when: 'before' })],
  ['rollback', () => k.rollback(target)],
  ['rescue', () => k.rescue(target, { as: 0 })],
  ['fallback', () => k.fallback(target, 0)],
  ['lastKnownGood', () => k.lastKnownGood(target)],
  ['retry', () => k.retry(target)],
  ['circuitBreaker', () => k.circuitBreaker(target)],
  ['reset', () => k.reset(target, { using: () => {} })],
  ['guardArgs', () => k.guardArgs(target, () => true)],
  ['inject', () => k.inject(target, { throw: 'never', every: 2 ** 40 })],
  ['observe', () => k.observe(target)],
];

const dormantNs = measure();
const costs: Record<string, number> = {};
const engine = new k.RepairEngine();
for (const [name, make] of entries) {
  engine.attach([make()]);
  costs[name] = measure() - dormantNs;
  engine.detach();
}
report({ node: process.version, prepared: true, checksum: hot.loop(4096), dormantNs, costs });
