import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, observe } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('observe', () => {
  it('counts calls and errors, with a latency histogram, for sync, async and generator targets', async () => {
    const { api, m } = service();
    const seen = observe(`${m}#{flakySync,flakyAsync,counter}`.replace(/\{.*\}/, '*'));
    new RepairEngine().attach([seen]);
    api.failNext(1);
    assert.throws(() => api.flakySync(1));
    api.flakySync(1);
    await api.flakyAsync(1);
    Array.from(api.counter(3));
    const stats = seen.stats();
    assert.equal(stats.flakySync!.calls, 2);
    assert.equal(stats.flakySync!.errors, 1);
    assert.equal(stats.flakyAsync!.calls, 1);
    assert.equal(stats.counter!.calls, 1);
    assert.equal(
      stats.flakySync!.histogram.reduce((n, b) => n + b.count, 0),
      2,
    );
  });

  it('counts a call that a rule before it skipped, untimed, without a rule error', () => {
    const { api, m } = service();
    const seen = observe(`${m}#flakySync`);
    const engine = new RepairEngine();
    // Higher priority runs first: its skip ends the call before observe's before.
    engine.attach([{ id: 'skipper', target: `${m}#flakySync`, priority: 10, before: (ctx) => ctx.skip(7) }, seen]);
    assert.equal(api.flakySync(1), 7);
    const stats = seen.stats();
    assert.equal(stats.flakySync!.calls, 1);
    assert.equal(stats.flakySync!.untimed, 1);
    assert.equal(engine.counters()['rule-error'], 0);
  });
});
