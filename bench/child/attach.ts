// Child harness for the attached cost: node [--import register.js] attach.js <hot.mjs> <batchMs> <batches> <mode>
// mode 'unprepared': only the plain loop (baseline). mode 'prepared': the
// loop dormant, then with ONE no-op `before` hook attached to
// Vec3.prototype.dot, then detached again; finally a counting hook checks that
// hooks really fire. Reports median ns per call for each phase.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { report, fail, isPreparedFunction, kheironDist } from './common.js';

interface HotModule {
  Vec3: { prototype: { dot: unknown } };
  loop: (n: number) => number;
}
interface Handle {
  detach(): unknown;
}
interface Api {
  attach(spec: { target: string; before?: (ctx: unknown) => void }): Handle | Promise<Handle>;
}

const [file, batchMsArg, batchesArg, mode] = process.argv.slice(2);
if (file === undefined || mode === undefined)
  fail('usage: attach.js <hot.mjs> <batchMs> <batches> <unprepared|prepared>');
const batchMs = Number(batchMsArg);
const batches = Number(batchesArg);

const hot = (await import(pathToFileURL(file).href)) as HotModule;
let expected: number | undefined;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Number of calls (a multiple of 256) that take about batchMs in the current state. */
function calibrate(): number {
  let n = 256;
  for (;;) {
    const t0 = process.hrtime.bigint();
    hot.loop(n);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms > batchMs / 8 || n >= 2 ** 30) return Math.max(256, Math.round((n * batchMs) / ms / 256) * 256);
    n *= 2;
  }
}

/** Median ns/call over `batches` timed batches, after `warm` untimed ones. */
function measure(warm: number): number {
  const calls = calibrate();
  expected = undefined;
  const perCall: number[] = [];
  for (let b = 0; b < warm + batches; b++) {
    const t0 = process.hrtime.bigint();
    const sum = hot.loop(calls);
    const dt = Number(process.hrtime.bigint() - t0);
    if (expected === undefined) expected = sum;
    else if (sum !== expected) fail(`loop result changed: ${expected} then ${sum}`);
    if (b >= warm) perCall.push(dt / calls);
  }
  return median(perCall);
}

const prepared = isPreparedFunction(hot.Vec3.prototype.dot);
if (mode === 'unprepared') {
  const dormantNs = measure(3);
  report({ node: process.version, prepared, checksum: hot.loop(4096), dormantNs });
} else {
  if (!prepared) fail(`Vec3.prototype.dot in ${file} is not prepared (Kheiron has no record of it)`);
  const api = (await import(pathToFileURL(path.join(kheironDist, 'index.js')).href)) as Api;
  const target = '**/hot.mjs#Vec3.prototype.dot';
  const dormantNs = measure(3);
  const noop = await api.attach({ target, before() {} });
  const attachedNs = measure(2);
  await noop.detach();
  // A function prepared at attach is put back into its original text after the detaching task.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const detachedNs = measure(2);

  // Check that a hook on this target really runs, once per call.
  let hits = 0;
  const counting = await api.attach({
    target,
    before() {
      hits++;
    },
  });
  hot.loop(160);
  await counting.detach();
  hot.loop(160);
  if (hits !== 160) fail(`a counting before hook on ${target} ran ${hits} times for 160 calls (expected 160)`);

  report({
    node: process.version,
    prepared,
    checksum: hot.loop(4096),
    dormantNs,
    attachedNs,
    detachedNs,
    hookHits: hits,
  });
}
