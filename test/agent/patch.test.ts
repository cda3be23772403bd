import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, TEST_NODES, runNode } from '../support/node.js';

/*
 * A process started without Kheiron: the exports of its CommonJS modules are patched while
 * hooks are attached. A patched constructor still makes instances of the original. A real
 * process without the loader, as after an attach over the inspector.
 */

const LIB = `function Legacy(name) { this.name = name; }
Legacy.prototype.hello = function () { return 'hello ' + this.name; };
exports.Legacy = Legacy;
exports.plain = function plain(x) { return x + 1; };
`;

const MAIN = `const lib = require('./lib.cjs');
(async () => {
  const { runtimeRegistry, attach } = await import(${JSON.stringify(join(ROOT, 'dist/src/runtime/internal.js'))});
  const { ReachablePatcher } = await import(${JSON.stringify(join(ROOT, 'dist/src/live-edit/export-patch.js'))});
  new ReachablePatcher(runtimeRegistry()).discover();
  const calls = [];
  const handle = attach({ target: '**/lib.cjs#exports.*', before(ctx) { calls.push(ctx.entry.name); }, after(ctx) { calls.push(typeof ctx.result); } });
  const made = new lib.Legacy('x');
  class Sub extends lib.Legacy { extra() { return 'sub'; } }
  const sub = new Sub('y');
  const out = {
    hooked: handle.functions.map((f) => f.name + ':' + f.prepared).sort(),
    hello: made.hello(),
    instance: [made instanceof lib.Legacy, Object.getPrototypeOf(made) === lib.Legacy.prototype],
    sub: [sub.hello(), sub.extra(), sub instanceof Sub],
    plain: lib.plain(1),
    calls,
  };
  handle.detach();
  out.restored = new lib.Legacy('z').hello();
  console.log(JSON.stringify(out));
})();
`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kheiron-patch-'));
  writeFileSync(join(dir, 'lib.cjs'), LIB);
  writeFileSync(join(dir, 'main.cjs'), MAIN);
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const node of TEST_NODES) {
  describe(`exports patched in a process started without Kheiron, on ${node.label}`, () => {
    it('constructs instances of the original through a patched constructor, with the control points around the construction', async () => {
      const r = await runNode(node.path, ['main.cjs'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout.trim());
      assert.deepEqual(out.hooked, ['exports.Legacy:patched', 'exports.plain:patched']);
      assert.equal(out.hello, 'hello x');
      assert.deepEqual(out.instance, [true, true]);
      assert.deepEqual(out.sub, ['hello y', 'sub', true]);
      assert.equal(out.plain, 2);
      assert.deepEqual(out.calls, ['exports.Legacy', 'object', 'exports.Legacy', 'object', 'exports.plain', 'number']);
      assert.equal(out.restored, 'hello z');
    });
  });
}
