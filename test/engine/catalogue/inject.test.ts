import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, inject } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('inject', () => {
  it('throws, returns or delays, every n-th time, a limited number of times', async () => {
    const { api, m } = service();
    new RepairEngine().attach([
      inject(`${m}#flakySync`, { throw: 'injected', every: 2, times: 2 }),
      inject(`${m}#flakyAsync`, { returns: 'canned', times: 1 }),
      inject(`${m}#slow`, { delay: 30 }),
    ]);
    const outcomes = [1, 2, 3, 4, 5, 6].map((x) => {
      try {
        return api.flakySync(x);
      } catch (e) {
        return (e as Error).message;
      }
    });
    assert.deepEqual(outcomes, [2, 'injected', 6, 'injected', 10, 12]);
    assert.equal(await api.flakyAsync(1), 'canned');
    assert.equal(await api.flakyAsync(1), 2);
    const started = Date.now();
    assert.equal(await api.slow(1), 'slow 1');
    assert.ok(Date.now() - started >= 25);
  });
});
