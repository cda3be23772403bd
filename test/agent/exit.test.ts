/**
 * Commands that stream end when the agent answers with an error: the error is printed and
 * the exit code is not 0, within a bound.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, ROOT, runNode } from '../support/node.js';
import { APP_DIR, ENV, startApp, type App } from './fixture.js';

/** Generous on a loaded machine; a command that hangs is stopped here and fails the test. */
const BOUND_MS = 30_000;

function kheiron(args: string[]) {
  return runNode(process.execPath, [CLI, ...args], { cwd: APP_DIR, env: ENV, timeout: BOUND_MS });
}

let app: App;
before(async () => {
  app = await startApp();
});
after(() => app.child.kill());

describe("a streaming command ends with the agent's error", () => {
  it('watch with a target the agent refuses prints the error and exits 1', async () => {
    const started = Date.now();
    const r = await kheiron(['watch', String(app.pid), '{']);
    assert.equal(r.code, 1, `exit ${r.code} after ${Date.now() - started} ms: ${r.stderr}`);
    assert.match(r.stderr, /^kheiron: .*'\{'/m);
    assert.equal(r.stdout, '');
  });

  it('audit exits after the trail it printed, also when an event in it cannot be sent', async () => {
    writeFileSync(
      join(APP_DIR, 'circular.js'),
      `import { defineRules } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};
export default defineRules('circular', { id: 'circular-detail', target: '**/shop.mjs#Prices.prototype.quote', after(ctx) { const d = { n: 1 }; d.self = d; ctx.repaired(d); } });
`,
    );
    const attached = await kheiron(['attach', String(app.pid), 'circular.js']);
    assert.equal(attached.code, 0, attached.stderr);
    await fetch(`http://127.0.0.1:${app.port}/1`).then((res) => res.text());
    const r = await kheiron(['audit', String(app.pid)]);
    // Either the agent sends the trail (and the command exits 0), or it answers with an
    // error (and the command prints it and exits 1): never a command that does not end.
    assert.notEqual(r.code, null, 'audit did not exit');
    if (r.code === 0) assert.match(r.stdout, /circular-detail/);
    else {
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^kheiron: \S/);
    }
    assert.equal((await kheiron(['detach', String(app.pid), '--all'])).code, 0);
  });
});
