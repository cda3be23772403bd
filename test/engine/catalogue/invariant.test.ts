import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, invariant } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('invariant', () => {
  it('checks and repairs before and after a sync method', () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([
      invariant(`${m}#Stock.prototype.broken`, (ctx) => ctx.this.count >= 0, {
        id: 'inv',
        repair: (ctx) => ctx.this.repairStock(),
      }),
    ]);
    const s = new api.Stock([1, 2]);
    s.count = -1;
    assert.equal(s.broken(), 'ok 2');
    assert.equal(engine.counters()['check-failed'], 1);
    assert.equal(engine.counters().repair, 1);
  });

  it('checks the arguments of a constructor and the instance after it', () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    const failed: string[] = [];
    engine.attach([
      invariant(
        `${m}#Stock.constructor`,
        (ctx) => (ctx.point === 'before' ? Array.isArray(ctx.args[0]) : ctx.result.count === ctx.result.items.length),
        { id: 'ctor', repair: (ctx) => void failed.push(ctx.point) },
      ),
    ]);
    new api.Stock([1]);
    assert.throws(() => new api.Stock('x'), /items must be an array/);
    assert.deepEqual(failed, ['before']);
  });

  it('checks an async function after it settles', async () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([
      invariant(`${m}#Stock.prototype.load`, (ctx) => ctx.point === 'before' || ctx.result === 'A', {
        id: 'asyncinv',
        when: 'after',
      }),
    ]);
    await new api.Stock([]).load('b');
    assert.equal(engine.counters()['check-failed'], 1);
  });
});
