import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, reset } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('reset', () => {
  it('re-initialises the instance after repeated failures, then runs the call again', () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([reset(`${m}#Stock.prototype.broken`, { using: 'repairStock', after: 2 })]);
    const s = new api.Stock([1, 2, 3]);
    s.count = -5;
    assert.throws(() => s.broken(), /corrupt/);
    assert.equal(s.broken(), 'ok 3');
    assert.equal(engine.counters().repair, 1);
  });

  it('a call that fails again after the reset fails with that error, which is no failure of the rule', () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([reset(`${m}#Stock.prototype.broken`, { using: () => undefined, after: 1 })]);
    const s = new api.Stock([1]);
    s.count = -1;
    assert.throws(() => s.broken(), /corrupt/);
    assert.equal(engine.counters()['rule-error'], 0);
  });
});
