// Cost of a rule's control point, ns per call of a hot method (Vec3.prototype.dot, from
// hot.mjs): dormant; a no-op `before` rule; the same rule with `interrupt: true` (run under
// a node:vm timeout so that a loop in it can be stopped at its budget); and a raw runtime hook.
//
//   node_modules/node24/bin/node --import ./dist/src/loader/register.js bench/micro/interrupt.mjs
//
// KHEIRON_INCLUDE defaults to this directory. Prints one JSON line per case: ns per call,
// median of 5 timed runs after a warm-up.
import { performance } from 'node:perf_hooks';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const kheiron = await import(new URL('../../dist/src/index.js', import.meta.url).href);
const { loop } = await import(new URL('./hot.mjs', import.meta.url).href);
if (kheiron.functions('**/hot.mjs#Vec3.prototype.dot').length !== 1) {
  console.error(
    `Vec3.prototype.dot is not prepared: run with --import ./dist/src/loader/register.js (KHEIRON_INCLUDE=${here}/**)`,
  );
  process.exit(2);
}

function measure(n) {
  loop(n);
  const samples = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    loop(n);
    samples.push(((performance.now() - t) * 1e6) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[2];
}

const target = '**/hot.mjs#Vec3.prototype.dot';
const out = (name, ns) =>
  console.log(JSON.stringify({ case: name, node: process.version, nsPerCall: Number(ns.toFixed(1)) }));

out('dormant', measure(4_000_000));

const engine = new kheiron.RepairEngine();
engine.attach([{ id: 'noop', target, before() {} }]);
out('rule, before', measure(1_600_000));
engine.detach();

const raw = kheiron.attach({ target, before() {} });
out('runtime hook, before', measure(1_600_000));
raw.detach();

try {
  engine.attach([{ id: 'interruptible', target, interrupt: true, budgetMs: 1000, before() {} }]);
  out('rule, before, interrupt: true', measure(16_000));
  engine.detach();
} catch (error) {
  console.log(
    JSON.stringify({ case: 'rule, before, interrupt: true', node: process.version, error: error.message.slice(0, 80) }),
  );
}

out('dormant after detach', measure(4_000_000));
