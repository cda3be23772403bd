import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LEAVES_ONLY } from '../../src/loader/prepare-source.js';
import { REGISTER, TEST_NODES, runNode } from '../support/node.js';

/*
 * Phase II at attach: a process started with kheiron/register runs its functions in their
 * original text; a rule edits the targeted ones in place over V8 LiveEdit, and detach puts
 * the original text back. Real processes, on each Node version under test.
 */

const API = JSON.stringify(REGISTER.replace('loader/register.js', 'index.js'));

const LIB = `export class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  dot(o) {
    return this.x * o.x + this.y * o.y;
  }
  async later(v) {
    return v;
  }
}
export function counter() {
  let n = 0;
  return function next() {
    n += 1;
    return n;
  };
}
`;

const SPIN = `export function spin(attachNow) {
  attachNow();
  return 'spun';
}
`;

const CJS = `'use strict';
function square(n) {
  return n * n;
}
module.exports = { square };
`;

const MAIN = `import { attach, functions } from ${API};
import { Vec, counter } from './lib.mjs';
import { spin } from './spin.mjs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const lib = createRequire(import.meta.url)('./lib.cjs');
const out = {};
const source = readFileSync(new URL('./lib.mjs', import.meta.url), 'utf8');
out.prepared = Object.fromEntries(functions((e) => e.module.endsWith('lib.mjs')).map((e) => [e.name, e.prepared]));
// Dormant: the functions are their original text.
out.dormantText = Vec.prototype.dot.toString() === source.slice(source.indexOf('dot(o)'), source.indexOf('}', source.indexOf('dot(o)')) + 1);
// Made before the attach: an instance and a closure.
const v = new Vec(1, 2);
const next = counter();
next();
const seen = [];
const handle = attach({
  target: (e) => /lib\\.(mjs|cjs)$/.test(e.module) && ['Vec.constructor', 'Vec.prototype.dot', 'counter/next', 'square'].includes(e.name),
  before(ctx) { seen.push(ctx.entry.name); },
  after(ctx) { if (ctx.entry.name === 'square') ctx.replaceResult(-1); },
});
out.attached = handle.functions.map((e) => e.name).sort();
out.unreached = handle.unreached.map((u) => [u.entry.name, u.reason]);
// Edited in, and still its original text to the program.
out.attachedText = Vec.prototype.dot.toString() === source.slice(source.indexOf('dot(o)'), source.indexOf('}', source.indexOf('dot(o)')) + 1);
out.calls = [v.dot(new Vec(1, 1)), next(), lib.square(3)];
out.seen = seen.slice();
handle.detach();
seen.length = 0;
out.afterDetach = [v.dot(new Vec(1, 1)), next(), lib.square(3)];
out.seenAfterDetach = seen.length;
// Attached from inside the function it targets: V8 cannot edit a function on the stack.
let inner;
out.spin = spin(() => { inner = attach({ target: '**/spin.mjs#spin', before() {} }); });
out.onStack = inner.unreached.map((u) => [u.entry.name, u.reason]);
inner.detach();
setTimeout(() => {
  out.restoredText = Vec.prototype.dot.toString() === source.slice(source.indexOf('dot(o)'), source.indexOf('}', source.indexOf('dot(o)')) + 1);
  out.squareText = lib.square.toString();
  console.log(JSON.stringify(out));
}, 20);
`;

const NESTED = `export function later(a, b) {
  return new Promise((resolve) => {
    queueMicrotask(() => resolve([a, b]));
  });
}
`;

// Rules attached one after another to a function and to one inside it (V8 14 mishandles
// nested edits: closures created afterwards saw the wrong context).
const NESTED_MAIN = `import { attach } from ${API};
import { later } from './nested.mjs';
const seen = [];
for (const target of ['**/nested.mjs#later', '**/nested.mjs#later/*', '**/nested.mjs#later/*/*']) {
  attach({ target, before(ctx) { seen.push(ctx.entry.name.split('/').length); } });
}
console.log(JSON.stringify({ value: await later('x', 'y'), seen }));
`;

// A rule that runs the function again (retry) on a method prepared at attach.
const RETRY_MAIN = `import { RepairEngine, defineRules, retry } from ${API};
import { Vec } from './lib.mjs';
const engine = new RepairEngine();
const [rule] = engine.attach(defineRules('r', retry('**/lib.mjs#Vec.prototype.dot', { id: 'again', attempts: 3, when: () => true })));
const v = new Vec(1, 2);
let reads = 0;
Object.defineProperty(v, 'x', { get() { if (reads++ < 2) throw new Error('transient'); return 1; } });
console.log(JSON.stringify({ value: v.dot(new Vec(1, 1)), reads, prepared: rule.functions.map((f) => f.prepared) }));
`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kheiron-attach-time-'));
  writeFileSync(join(dir, 'lib.mjs'), LIB);
  writeFileSync(join(dir, 'lib.cjs'), CJS);
  writeFileSync(join(dir, 'spin.mjs'), SPIN);
  writeFileSync(join(dir, 'nested.mjs'), NESTED);
  writeFileSync(join(dir, 'retry-main.mjs'), RETRY_MAIN);
  writeFileSync(join(dir, 'nested-main.mjs'), NESTED_MAIN);
  writeFileSync(join(dir, 'main.mjs'), MAIN);
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const node of TEST_NODES) {
  describe(`Phase II at attach on ${node.label}`, () => {
    it('runs the original text while dormant, edits the targeted functions in for existing closures and instances, and puts the text back on detach', async () => {
      const r = await runNode(node.path, ['--import', REGISTER, 'main.mjs'], {
        cwd: dir,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
      assert.deepEqual(out.prepared, {
        'Vec.constructor': 'at-attach',
        'Vec.prototype.dot': 'at-attach',
        // async functions keep a load-time shape
        'Vec.prototype.later': 'in-place',
        // V8 14 (Node 26): a function that encloses another is prepared at load
        counter: LEAVES_ONLY ? 'in-place' : 'at-attach',
        'counter/next': 'at-attach',
      });
      assert.equal(out.dormantText, true);
      assert.deepEqual(out.attached, ['Vec.constructor', 'Vec.prototype.dot', 'counter/next', 'square']);
      assert.deepEqual(out.unreached, []);
      assert.equal(out.attachedText, true);
      // new Vec(1, 1) inside the call runs the constructor's hook too
      assert.deepEqual(out.calls, [3, 2, -1]);
      assert.deepEqual(out.seen, ['Vec.constructor', 'Vec.prototype.dot', 'counter/next', 'square']);
      assert.deepEqual(out.afterDetach, [3, 3, 9]);
      assert.equal(out.seenAfterDetach, 0);
      assert.equal(out.spin, 'spun');
      assert.equal(out.onStack.length, 1);
      assert.equal(out.onStack[0][0], 'spin');
      assert.match(out.onStack[0][1], /running now/);
      assert.equal(out.restoredText, true);
      assert.equal(out.squareText, 'function square(n) {\n  return n * n;\n}');
    });

    it('keeps closures right when rules target a function and the functions inside it one after another', async () => {
      const r = await runNode(node.path, ['--import', REGISTER, 'nested-main.mjs'], {
        cwd: dir,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout.trim()), { value: ['x', 'y'], seen: [1, 2, 3] });
    });

    it('runs a method prepared at attach again for a retry: it is found on `this` by its slot', async () => {
      const r = await runNode(node.path, ['--import', REGISTER, 'retry-main.mjs'], {
        cwd: dir,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout.trim()), { value: 3, reads: 3, prepared: ['at-attach'] });
    });

    it('prepares every function at load with KHEIRON_PREPARE=load', async () => {
      const r = await runNode(
        node.path,
        [
          '--import',
          REGISTER,
          '--input-type=module',
          '--eval',
          `import { functions } from ${API}; await import('./lib.mjs'); console.log(JSON.stringify(functions((e) => e.module.endsWith('lib.mjs')).map((e) => e.prepared)));`,
        ],
        {
          cwd: dir,
          env: { KHEIRON_NO_CACHE: '1', KHEIRON_PREPARE: 'load' },
        },
      );
      assert.equal(r.code, 0, r.stderr);
      const prepared = JSON.parse(r.stdout.trim()) as string[];
      assert.equal(prepared.length, 5);
      assert.ok(!prepared.includes('at-attach'), prepared.join(' '));
    });

    it('refuses a bad KHEIRON_PREPARE clearly', async () => {
      const r = await runNode(node.path, ['--import', REGISTER, '-e', '0'], {
        cwd: dir,
        env: { KHEIRON_PREPARE: 'later' },
      });
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /KHEIRON_PREPARE .* must be 'attach' or 'load', got 'later'/);
    });
  });
}
