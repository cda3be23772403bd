import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, TimeoutError, detachAll, timeout } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('timeout', () => {
  it('rejects an async call that takes too long, and lets a fast one through', async () => {
    const { api, m } = service();
    new RepairEngine().attach([timeout(`${m}#slow`, 30)]);
    assert.equal(await api.slow(1), 'slow 1');
    await assert.rejects(
      api.slow(200),
      (e: Error) => e instanceof TimeoutError && /slow timed out after 30 ms/.test(e.message),
    );
  });
});
