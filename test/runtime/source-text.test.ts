import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REGISTER, TEST_NODES, runNode } from '../support/node.js';

/*
 * What prepared code shows of itself stays the original's, dormant, with hooks attached and
 * after detach: a function's text (`Function.prototype.toString`), the template object of a
 * tagged template, the settling of an async generator's bare return. Real processes, in both
 * places Phase II can happen (at attach, the default, and at load).
 */

const API = JSON.stringify(REGISTER.replace('loader/register.js', 'index.js'));

const LIB = `const tag = (strings) => strings;
export function view(x) { return tag\`<p>\${x}</p>\`; }
export const arrowView = (x) => tag\`<b>\${x}</b>\`;
export const add = (a, b) => a + b;
export function multi(a) {
  const twice = a * 2;
  return twice;
}
export function* gen(n) { yield n; }
export async function later(v) { return v; }
export class Shape {
  area(w, h) {
    return w * h;
  }
}
export async function* bare() { yield 1; return; }
export async function* implicit() { yield 1; }
`;

const MAIN = `import { attach } from ${API};
import { readFileSync } from 'node:fs';
import * as lib from './lib.mjs';
const source = readFileSync(new URL('./lib.mjs', import.meta.url), 'utf8');
const text = (start, end) => source.slice(source.indexOf(start), source.indexOf(end, source.indexOf(start)) + end.length);
const originals = {
  view: text('function view', '\`; }'),
  arrowView: text('(x) => tag', '</b>\`'),
  add: text('(a, b) =>', 'a + b'),
  multi: text('function multi', 'twice;\\n}'),
  gen: text('function* gen', 'n; }'),
  later: text('async function later', 'v; }'),
  area: text('area(w, h)', 'h;\\n  }'),
};
const fns = { ...lib, area: lib.Shape.prototype.area };
const texts = () => Object.keys(originals).filter((k) => String(fns[k]) !== originals[k]);
const all = async (g) => { const out = []; const it = g(); for (;;) { const r = await it.next(); out.push(r.value); if (r.done) return out; } };
const out = { dormant: texts() };
const templates = [lib.view(1), lib.arrowView(1)];
out.sameDormant = lib.view(0) === templates[0] && lib.arrowView(0) === templates[1];
const handle = attach({ target: '**/lib.mjs#**', before() {}, after(ctx) { if (ctx.entry.name === 'bare' || ctx.entry.name === 'implicit') ctx.replaceResult('after'); } });
out.hooked = handle.functions.length;
out.attached = texts();
out.calls = [lib.add(1, 2), lib.multi(2), new lib.Shape().area(2, 3), await lib.later(4), [...lib.gen(5)]];
out.asyncGenerators = [await all(lib.bare), await all(lib.implicit)];
templates.push(lib.view(2), lib.arrowView(2));
handle.detach();
await new Promise((resolve) => setTimeout(resolve, 10));
templates.push(lib.view(3), lib.arrowView(3));
out.detached = texts();
out.sameTemplates = [templates[0] === templates[2] && templates[2] === templates[4], templates[1] === templates[3] && templates[3] === templates[5]];
// Sent elsewhere as text (a vm realm, a worker), a prepared function runs without the runtime.
const { runInNewContext } = await import('node:vm');
const { Worker } = await import('node:worker_threads');
out.elsewhere = [runInNewContext('(' + lib.multi + ')(5)'), runInNewContext('(' + lib.add + ')(2, 3)')];
out.elsewhere.push(await new Promise((resolve, reject) => {
  const worker = new Worker('require("node:worker_threads").parentPort.postMessage((' + lib.multi + ')(7))', { eval: true });
  worker.once('message', resolve);
  worker.once('error', reject);
}));
const own = Function.prototype.toString;
out.builtin = [String(own), own.name, own.length, Object.getOwnPropertyDescriptor(Function.prototype, 'toString').enumerable, 'prototype' in own];
for (const attempt of [() => own.call({}), () => new own()]) {
  try { attempt(); out.builtin.push('no error'); } catch (e) { out.builtin.push(e.constructor.name); }
}
console.log(JSON.stringify(out));
`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kheiron-source-text-'));
  writeFileSync(join(dir, 'lib.mjs'), LIB);
  writeFileSync(join(dir, 'main.mjs'), MAIN);
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const node of TEST_NODES) {
  for (const prepare of ['attach', 'load']) {
    describe(`the original's text and template objects on ${node.label}, Phase II at ${prepare}`, () => {
      it('keeps every function its original text, tagged templates their template object and async generators their ticks, dormant, attached and detached', async () => {
        const r = await runNode(node.path, ['--import', REGISTER, 'main.mjs'], {
          cwd: dir,
          env: { KHEIRON_NO_CACHE: '1', KHEIRON_PREPARE: prepare },
        });
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
        assert.deepEqual(out.dormant, [], 'functions whose text differs while dormant');
        assert.ok(out.hooked >= 9, `hooked ${out.hooked}`);
        assert.deepEqual(out.attached, [], 'functions whose text differs while attached');
        assert.deepEqual(out.calls, [3, 4, 6, 4, [5]]);
        assert.deepEqual(out.asyncGenerators, [
          [1, 'after'],
          [1, 'after'],
        ]);
        assert.deepEqual(out.detached, [], 'functions whose text differs after detach');
        assert.equal(out.sameDormant, true, 'one template object per tagged template while dormant');
        // At attach, V8 LiveEdit compiles the edited script's template objects anew (README, Limits).
        if (prepare === 'load')
          assert.deepEqual(
            out.sameTemplates,
            [true, true],
            'one template object per tagged template, attached and detached',
          );
        assert.deepEqual(out.elsewhere, [10, 5, 14], 'prepared functions run as text in another realm and a worker');
        assert.deepEqual(out.builtin, [
          'function toString() { [native code] }',
          'toString',
          0,
          false,
          false,
          'TypeError',
          'TypeError',
        ]);
      });
    });
  }
}
