import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, rollback } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('rollback', () => {
  it('restores the fields of this when a sync method throws, arrays in place', () => {
    const { api, m } = service();
    new RepairEngine().attach([rollback(`${m}#Stock.prototype.take`)]);
    const s = new api.Stock([1, 2, 3]);
    const items = s.items;
    assert.throws(() => s.take(5), /not enough/);
    assert.equal(s.count, 3);
    assert.equal(s.items, items);
    assert.deepEqual([...s.items], [1, 2, 3]);
    assert.equal(s.take(1), 2);
  });

  it('restores only the named fields', () => {
    const { api, m } = service();
    new RepairEngine().attach([rollback(`${m}#Stock.prototype.take`, { fields: ['count'] })]);
    const s = new api.Stock([1, 2]);
    assert.throws(() => s.take(3));
    assert.equal(s.count, 2);
    assert.equal(s.items.length, 0);
  });
});
