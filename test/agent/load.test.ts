import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { after, before, it } from 'node:test';
import { kheiron, startApp, type App } from './fixture.js';

let app: App;
before(async () => {
  app = await startApp();
});
after(() => app.child.kill());

it('attach and detach repeatedly under load: no request fails, none is lost', { timeout: 120_000 }, async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let sent = 0;
  let answered = 0;
  const failures: string[] = [];
  let running = true;
  const one = (id: number): Promise<void> =>
    new Promise((resolve) => {
      sent++;
      const req = request({ host: '127.0.0.1', port: app.port, path: `/${id}`, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          answered++;
          if (res.statusCode !== 200 || JSON.parse(body).id !== id) failures.push(`${id}: ${res.statusCode} ${body}`);
          resolve();
        });
      });
      req.on('error', (e) => {
        failures.push(`${id}: ${e.message}`);
        resolve();
      });
      req.end();
    });
  const loops = Array.from({ length: 8 }, async (_, n) => {
    for (let i = 0; running; i++) await one(n * 100_000 + i);
  });
  const cycles = 10;
  for (let c = 0; c < cycles; c++) {
    const a = await kheiron(['attach', String(app.pid), 'rules.ts']);
    assert.equal(a.code, 0, a.stderr);
    const d = await kheiron(['detach', String(app.pid), '--all']);
    assert.equal(d.code, 0, d.stderr);
  }
  running = false;
  await Promise.all(loops);
  agent.destroy();
  assert.deepEqual(failures, []);
  assert.equal(answered, sent);
  assert.ok(sent > 200, `only ${sent} requests`);
  const status = JSON.parse((await kheiron(['status', String(app.pid), '--json'])).stdout) as {
    counters: Record<string, number>;
    rules: unknown[];
  };
  assert.equal(status.counters.attach, cycles);
  assert.equal(status.counters.detach, cycles);
  assert.deepEqual(status.rules, []);
});
