import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { planLiveEdit } from '../../src/live-edit/plan.js';
import { v8Diff } from '../../src/live-edit/v8-diff.js';

// V8 >= 14 (Node 26) answers Debugger.setScriptSource only under --inspector-live-edit; this test
// drives LiveEdit itself, so it switches the command on as Kheiron does (src/live-edit/debugger.ts).
if (Number(process.versions.v8.split('.')[0]) >= 14) setFlagsFromString('--inspector-live-edit');

const DIR = mkdtempSync(join(tmpdir(), 'kheiron-live-edit-'));

// Function shapes in several layouts; `closures` are made before the edit, as a running
// program would have made them.
const BODY = `
function multi(a) {
  const b = a + 1;
  return b * 2;
}
function oneLine(a) { return a - 1; }
const arrow = (a) => {
  return a * 3;
};
const concise = (a) => a * 4;
class Shape {
  constructor(side) {
    this.side = side;
  }
  area() {
    return this.side * this.side;
  }
  static unit() { return new Shape(1); }
  get double() {
    return this.side * 2;
  }
}
function makeCounter() {
  let n = 0;
  return function next() {
    return ++n;
  };
}
function makeAdder(x) { return (y) => { return x + y; }; }
const closures = { next: makeCounter(), add2: makeAdder(2) };
`;
const ESM = `${BODY}export { multi, oneLine, arrow, concise, Shape, makeCounter, makeAdder, closures };\n`;
const CJS = `${BODY}module.exports = { multi, oneLine, arrow, concise, Shape, makeCounter, makeAdder, closures };\n`;

type Loaded = Record<string, any>;
/** Every function object of the fixture by the name the plan gives it. */
function objects(m: Loaded): Record<string, Function> {
  const getter = Object.getOwnPropertyDescriptor(m.Shape.prototype, 'double')!.get!;
  return {
    multi: m.multi,
    oneLine: m.oneLine,
    arrow: m.arrow,
    concise: m.concise,
    'Shape.constructor': m.Shape,
    'Shape.prototype.area': m.Shape.prototype.area,
    'Shape.unit': m.Shape.unit,
    'get Shape.prototype.double': getter,
    makeCounter: m.makeCounter,
    'makeCounter/next': m.closures.next,
    makeAdder: m.makeAdder,
    'makeAdder/<arrow>@29:32': m.closures.add2,
  };
}

function inspector(): {
  post: <T>(method: string, params?: object) => Promise<T>;
  scripts: { scriptId: string; url: string }[];
  close(): void;
} {
  const session = new Session();
  session.connect();
  const scripts: { scriptId: string; url: string }[] = [];
  session.on('Debugger.scriptParsed', ({ params }) => scripts.push(params));
  return {
    post: (method, params) =>
      new Promise((resolve, reject) =>
        session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as never))),
      ),
    scripts,
    close: () => session.disconnect(),
  };
}

describe('live edit plan', () => {
  for (const [kind, text] of [
    ['module', ESM],
    ['commonjs', CJS],
  ] as const) {
    it(`every function it prepares in a ${kind} script runs the prepared code afterwards, closures made before included`, async () => {
      const file = join(DIR, kind === 'module' ? 'shapes.mjs' : 'shapes.cjs');
      writeFileSync(file, text);
      const loaded: Loaded =
        kind === 'module' ? await import(pathToFileURL(file).href) : createRequire(import.meta.url)(file);
      const { post, scripts, close } = inspector();
      try {
        await post('Debugger.enable');
        const script = scripts.find((s) => s.url === pathToFileURL(file).href || s.url === file)!;
        const { scriptSource } = await post<{ scriptSource: string }>('Debugger.getScriptSource', {
          scriptId: script.scriptId,
        });
        const plan = planLiveEdit(scriptSource, { filename: file, sourceType: kind });
        const byName = objects(loaded);
        assert.deepEqual(plan.functions.map((f) => f.name).sort(), Object.keys(byName).sort());
        assert.deepEqual(
          plan.functions
            .filter((f) => f.excluded)
            .map((f) => f.name)
            .sort(),
          ['Shape.constructor', 'concise'],
        );
        const candidates = plan.functions.filter((f) => !f.excluded).map((f) => f.index);
        // Edits in rounds, as the agent makes them: each from what the last one left.
        const prepared: number[] = [];
        let remaining = candidates;
        for (let round = 0; round < 4 && remaining.length > 0; round++) {
          let rendered = plan.render(remaining);
          assert.deepEqual(
            [...rendered.chosen, ...rendered.displaced].sort((a, b) => a - b),
            remaining,
          );
          const dry = await post<{ status: string }>('Debugger.setScriptSource', {
            scriptId: script.scriptId,
            scriptSource: rendered.code,
            dryRun: true,
          });
          if (dry.status !== 'Ok') {
            // An ES module refuses edits that change its top level: outermost functions alone must pass.
            assert.equal(kind, 'module');
            assert.equal(dry.status, 'BlockedByTopLevelEsModuleChange');
            rendered = plan.render(rendered.chosen.filter((i) => plan.functions[i]!.group === i));
          }
          if (rendered.chosen.length === 0) break;
          for (const slot of rendered.slots)
            Object.defineProperty(globalThis, slot, { value: false, writable: true, configurable: true });
          const done = await post<{ status: string }>('Debugger.setScriptSource', {
            scriptId: script.scriptId,
            scriptSource: rendered.code,
          });
          assert.equal(done.status, 'Ok');
          plan.applied(rendered);
          for (const index of rendered.chosen) {
            const { name } = plan.functions[index]!;
            const text = Function.prototype.toString.call(byName[name]);
            assert.ok(
              rendered.texts.some((t) => text.endsWith(t)),
              `${name} still runs its old code: ${text.slice(0, 80)}`,
            );
          }
          prepared.push(...rendered.chosen);
          remaining = remaining.filter((i) => !prepared.includes(i));
        }
        assert.ok(prepared.length >= 6, `prepared only ${prepared.map((i) => plan.functions[i]!.name)}`);
        // Never a function and one it encloses: V8 would leave the inner one's closures behind.
        for (const index of prepared) {
          for (let p = plan.functions[index]!.parent; p !== undefined; p = plan.functions[p]!.parent)
            assert.ok(!prepared.includes(p), `${plan.functions[p]!.name} encloses ${plan.functions[index]!.name}`);
        }
        // Earlier rounds' functions still run their prepared code after later rounds.
        for (const index of prepared)
          assert.match(Function.prototype.toString.call(byName[plan.functions[index]!.name]), /\$k\$c/);
        // Dormant, the prepared code behaves as before.
        assert.equal(loaded.multi(1), 4);
        assert.equal(loaded.arrow(2), 6);
        assert.equal(new loaded.Shape(3).area(), 9);
        assert.equal(new loaded.Shape(3).double, 6);
        assert.equal(loaded.closures.next(), 1);
        assert.equal(loaded.closures.add2(5), 7);
      } finally {
        close();
      }
    });
  }

  it('refuses a function on a line that V8 diffs whole, and says nothing is prepared there', () => {
    const source = `function long(a) { return a; } // ${'x'.repeat(800)}\nfunction short(a) {\n  return a;\n}\n`;
    const plan = planLiveEdit(source, { filename: '/app/long.js', sourceType: 'commonjs' });
    const rendered = plan.render([0, 1]);
    assert.deepEqual(rendered.chosen, [1]);
    assert.deepEqual(rendered.displaced, [0]);
    assert.ok(!rendered.code.split('\n')[0]!.includes('$k$c'));
  });
});

describe('live edit plan, nesting', () => {
  it('prepares the inner of two nested functions, not both', () => {
    const source = 'function outer() {\n  return function inner(a) {\n    return a + 1;\n  };\n}\n';
    const plan = planLiveEdit(source, { filename: '/app/nest.js', sourceType: 'commonjs' });
    assert.equal(plan.functions[1]!.parent, 0);
    const rendered = plan.render([0, 1]);
    assert.deepEqual(rendered.chosen, [1]);
    assert.deepEqual(rendered.displaced, [0]);
  });
});

describe("V8's LiveEdit diff", () => {
  it('reports insertions as empty old ranges, by lines first', () => {
    assert.deepEqual(v8Diff('a\nbc\nd', 'a\nbXc\nd'), [{ start: 3, end: 3, newStart: 3, newEnd: 4 }]);
    assert.deepEqual(v8Diff('same', 'same'), []);
  });

  it('changes a run of lines whole when it reaches 800 characters', () => {
    const old = `a\n${'b'.repeat(790)}\nc`;
    const changed = `a\n${'b'.repeat(790)}XYZXYZXYZXYZ\nc`;
    assert.deepEqual(v8Diff(old, changed), [{ start: 2, end: 793, newStart: 2, newEnd: 805 }]);
  });
});
