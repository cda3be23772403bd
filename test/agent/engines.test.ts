import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { APP_DIR, INDEX, kheiron, startApp, type App } from './fixture.js';

// An application that attaches rules of its own: to an engine it made, and to the shared one.
writeFileSync(
  join(APP_DIR, 'own-engine.mjs'),
  `import { createServer } from 'node:http';
import { RepairEngine, fallback, observe, sharedEngine } from ${INDEX};
export class Stock {
  level(n) {
    if (n < 0) throw new RangeError('negative ' + n);
    return n;
  }
}
const stock = new Stock();
const server = createServer((req, res) => {
  try {
    res.end(String(stock.level(Number(req.url.slice(1)))));
  } catch (error) {
    res.writeHead(500).end(error.message);
  }
});
server.listen(0, '127.0.0.1', () => {
  new RepairEngine().attach([fallback('**/own-engine.mjs#Stock.prototype.level', 0, { id: 'app-own' })]);
  sharedEngine().attach([observe('**/own-engine.mjs#Stock.prototype.level', { id: 'app-shared' })]);
  console.log('listening ' + server.address().port);
});
`,
);

async function get(port: number, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

let app: App;
before(async () => {
  app = await startApp(process.execPath, {}, 'own-engine.mjs');
});
after(() => app.child.kill());

describe("the application's own rules", () => {
  it('status lists the rules the application attached, to its own engine and to the shared one', async () => {
    assert.deepEqual(await get(app.port, '/-1'), { status: 200, body: '0' });
    const status = await kheiron(['status', String(app.pid), '--json']);
    assert.equal(status.code, 0, status.stderr);
    const rules = (JSON.parse(status.stdout) as { rules: { id: string; engine?: string }[] }).rules;
    assert.deepEqual(rules.map((r) => [r.id, r.engine ?? 'shared']).sort(), [
      ['app-own', 'application'],
      ['app-shared', 'shared'],
    ]);
    const counters = (JSON.parse(status.stdout) as { counters: Record<string, number> }).counters;
    assert.equal(counters.attach, 2, "both engines' attach events");
    assert.equal(counters.repair, 1, "the application's fallback");
  });

  it('detach removes a rule of the application’s own engine; the call fails as it would without it', async () => {
    const detached = await kheiron(['detach', String(app.pid), 'app-own']);
    assert.equal(detached.code, 0, detached.stderr);
    assert.equal(detached.stdout, 'detached app-own\n');
    assert.equal((await get(app.port, '/-1')).status, 500);
    const unknown = await kheiron(['detach', String(app.pid), 'no-such-rule']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no attached rule with id 'no-such-rule'/);
  });
});
