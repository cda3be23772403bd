import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, backoffDelay, detachAll, retry } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('retry', () => {
  it('retries a sync function at once and an async one after a backoff', async () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([
      retry(`${m}#flakySync`, { attempts: 3 }),
      retry(`${m}#flakyAsync`, { attempts: 4, backoff: { initial: 1, max: 5 } }),
    ]);
    api.failNext(2);
    assert.equal(api.flakySync(2), 4);
    api.failNext(3);
    assert.equal(await api.flakyAsync(2), 4);
    api.failNext(5);
    await assert.rejects(api.flakyAsync(2), /transient/);
    assert.equal(engine.counters().repair, 2);
  });

  it("retries only what 'when' accepts", () => {
    const { api, m } = service();
    new RepairEngine().attach([retry(`${m}#flakySync`, { when: (e) => (e as Error).message !== 'transient' })]);
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/);
  });

  it('computes jittered exponential backoff, capped', () => {
    assert.equal(backoffDelay(1, { initial: 10, jitter: false }), 10);
    assert.equal(backoffDelay(4, { initial: 10, factor: 3, jitter: false }), 270);
    assert.equal(backoffDelay(20, { initial: 10, max: 1000, jitter: false }), 1000);
    assert.equal(
      backoffDelay(3, { initial: 10 }, () => 0.5),
      20,
    );
  });
});
