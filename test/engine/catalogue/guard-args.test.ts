import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, guardArgs } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('guardArgs', () => {
  it('coerces, or rejects without running the call', async () => {
    const { api, m } = service();
    new RepairEngine().attach([
      guardArgs(
        `${m}#Stock.prototype.take`,
        ([n]) => (Number.isInteger(n) && n >= 0) || (typeof n === 'string' ? [Number(n)] : 'n must be a count'),
      ),
      guardArgs(`${m}#Stock.prototype.load`, ([k]) => typeof k === 'string'),
    ]);
    const s = new api.Stock([1, 2, 3]);
    assert.equal(s.take('1'), 2);
    assert.throws(() => s.take(-1), /Stock\.prototype\.take: invalid arguments: n must be a count/);
    assert.equal(s.count, 2);
    await assert.rejects(s.load(42), /Stock\.prototype\.load: invalid arguments/);
  });
});
