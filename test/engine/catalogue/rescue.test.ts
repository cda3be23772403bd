import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RepairEngine, detachAll, rescue } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

describe('rescue', () => {
  it('turns an exception into a typed error; for async, a rejected promise', async () => {
    const { api, m } = service();
    class NotFound extends Error {}
    new RepairEngine().attach([
      rescue(`${m}#Stock.prototype.load`, { as: NotFound, when: (e) => (e as Error).name === 'TypeError' }),
    ]);
    await assert.rejects(
      new api.Stock([]).load('missing'),
      (e: Error) => e instanceof NotFound && e.message === 'no such key' && (e.cause as Error).name === 'TypeError',
    );
  });

  it('turns an exception into a value of a sync function and of a generator', () => {
    const { api, m } = service();
    new RepairEngine().attach([
      rescue(`${m}#Stock.prototype.take`, { as: -1 }),
      rescue(`${m}#counter`, { as: (ctx: any) => `rescued ${ctx.error.message}` }),
    ]);
    assert.equal(new api.Stock([]).take(1), -1);
    const it = api.counter(-1);
    assert.deepEqual({ ...it.next() }, { value: 'rescued negative', done: true });
  });
});
