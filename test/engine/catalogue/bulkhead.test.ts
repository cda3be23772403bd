import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { BulkheadRejectedError, RepairEngine, bulkhead, detachAll } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('bulkhead', () => {
  it('limits concurrent async calls, queues some and rejects the rest', async () => {
    const { api, m } = service();
    new RepairEngine().attach([bulkhead(`${m}#slow`, { limit: 2, queue: 1 })]);
    const calls = [api.slow(20), api.slow(20), api.slow(5), api.slow(5)];
    const results = await Promise.allSettled(calls);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'rejected'],
    );
    assert.ok((results[3] as PromiseRejectedResult).reason instanceof BulkheadRejectedError);
    assert.equal(await api.slow(1), 'slow 1');
  });
});
