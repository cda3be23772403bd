import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kheiron, startApp, type App } from './fixture.js';

/*
 * A rules file is the operator's: outside the application's tree, in a CommonJS package, it
 * still imports `kheiron` by name, and gets the copy the agent runs.
 */

let app: App;
let elsewhere: string;
before(async () => {
  app = await startApp();
  elsewhere = mkdtempSync(join(tmpdir(), 'kheiron-operator-'));
  writeFileSync(join(elsewhere, 'package.json'), '{ "name": "operator-notes", "type": "commonjs" }\n');
  writeFileSync(
    join(elsewhere, 'repairs.js'),
    "import { defineRules, fallback } from 'kheiron';\nexport default defineRules('elsewhere', fallback('**/shop.mjs#Prices.prototype.quote', { id: -1, price: 0 }, { id: 'far-fallback' }));\n",
  );
});
after(() => {
  app.child.kill();
  rmSync(elsewhere, { recursive: true, force: true });
});

describe('rules modules outside the application', () => {
  it("import kheiron by name from anywhere, as an ES module in a CommonJS package, and get the agent's copy", async () => {
    const r = await kheiron(['attach', String(app.pid), join(elsewhere, 'repairs.js')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /attached far-fallback \(elsewhere\) to Prices\.prototype\.quote/);
    const body = await fetch(`http://127.0.0.1:${app.port}/-1`).then((res) => res.text());
    assert.equal(body, '{"id":-1,"price":0}');
    assert.equal((await kheiron(['detach', String(app.pid), '--all'])).code, 0);
  });
});
