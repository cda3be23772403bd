import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, fallback, lastKnownGood } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('fallback and lastKnownGood', () => {
  it('falls back to a value or a function of the context', async () => {
    const { api, m } = service();
    new RepairEngine().attach([
      fallback(`${m}#flakySync`, 0),
      fallback(`${m}#flakyAsync`, (ctx: any) => `fallback for ${ctx.args[0]}`),
    ]);
    api.failNext(2);
    assert.equal(api.flakySync(4), 0);
    assert.equal(await api.flakyAsync(4), 'fallback for 4');
  });

  it('returns the last good result per key when the call fails', async () => {
    const { api, m } = service();
    new RepairEngine().attach([lastKnownGood(`${m}#flakyAsync`), lastKnownGood(`${m}#flakySync`, { key: ([x]) => x })]);
    assert.equal(await api.flakyAsync(3), 6);
    assert.equal(api.flakySync(5), 10);
    api.failNext(2);
    assert.equal(await api.flakyAsync(3), 6);
    assert.equal(api.flakySync(5), 10);
    api.failNext(1);
    assert.throws(() => api.flakySync(6), /transient/);
  });
});
