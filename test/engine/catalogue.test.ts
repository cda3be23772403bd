import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  BulkheadRejectedError,
  CircuitOpenError,
  RepairEngine,
  TimeoutError,
  backoffDelay,
  bulkhead,
  circuitBreaker,
  detachAll,
  fallback,
  guardArgs,
  inject,
  invariant,
  lastKnownGood,
  observe,
  rescue,
  reset,
  retry,
  rollback,
  timeout,
} from '../../src/index.js';
import { lastModule, runPrepared } from '../support/prepared.js';

afterEach(() => detachAll());

/** A small service with sync, async, generator and constructor targets, prepared in a vm. */
const SERVICE = `
let failuresLeft = 0;
function failNext(n) { failuresLeft = n; }
function flakySync(x) {
  if (failuresLeft > 0) { failuresLeft--; throw new Error('transient'); }
  return x * 2;
}
async function flakyAsync(x) {
  await null;
  if (failuresLeft > 0) { failuresLeft--; throw new Error('transient'); }
  return x * 2;
}
async function slow(ms) {
  await new Promise((r) => setTimeout(r, ms));
  return 'slow ' + ms;
}
function* counter(n) {
  for (let i = 0; i < n; i++) yield i;
  if (n < 0) throw new Error('negative');
  return n;
}
class Stock {
  constructor(items) {
    if (!Array.isArray(items)) throw new TypeError('items must be an array');
    this.items = items;
    this.count = items.length;
  }
  take(n) {
    this.count -= n;
    this.items.splice(0, n);
    if (this.count < 0) throw new RangeError('not enough');
    return this.count;
  }
  async load(key) {
    await null;
    if (key === 'missing') throw new TypeError('no such key');
    return key.toUpperCase();
  }
  broken() {
    if (this.count < 0) throw new Error('corrupt');
    return 'ok ' + this.count;
  }
  repairStock() { this.count = this.items.length; }
}
this.api = { failNext, flakySync, flakyAsync, slow, counter, Stock };
`;

function service(): { api: any; m: string } {
  const ctx = runPrepared(SERVICE, 'service');
  return { api: ctx.api, m: lastModule() };
}

describe('invariant', () => {
  it('checks and repairs before and after a sync method', () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([invariant(`${m}#Stock.prototype.broken`, (ctx) => ctx.this.count >= 0, { id: 'inv', repair: (ctx) => ctx.this.repairStock() })]);
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
    engine.attach([invariant(`${m}#Stock.constructor`, (ctx) => (ctx.point === 'before' ? Array.isArray(ctx.args[0]) : ctx.result.count === ctx.result.items.length), { id: 'ctor', repair: (ctx) => void failed.push(ctx.point) })]);
    new api.Stock([1]);
    assert.throws(() => new api.Stock('x'), /items must be an array/);
    assert.deepEqual(failed, ['before']);
  });

  it('checks an async function after it settles', async () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([invariant(`${m}#Stock.prototype.load`, (ctx) => ctx.point === 'before' || ctx.result === 'A', { id: 'asyncinv', when: 'after' })]);
    await new api.Stock([]).load('b');
    assert.equal(engine.counters()['check-failed'], 1);
  });
});

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

describe('rescue', () => {
  it('turns an exception into a typed error; for async, a rejected promise', async () => {
    const { api, m } = service();
    class NotFound extends Error {}
    new RepairEngine().attach([rescue(`${m}#Stock.prototype.load`, { as: NotFound, when: (e) => (e as Error).name === 'TypeError' })]);
    await assert.rejects(new api.Stock([]).load('missing'), (e: Error) => e instanceof NotFound && e.message === 'no such key' && (e.cause as Error).name === 'TypeError');
  });

  it('turns an exception into a value of a sync function and of a generator', () => {
    const { api, m } = service();
    new RepairEngine().attach([rescue(`${m}#Stock.prototype.take`, { as: -1 }), rescue(`${m}#counter`, { as: (ctx: any) => `rescued ${ctx.error.message}` })]);
    assert.equal(new api.Stock([]).take(1), -1);
    const it = api.counter(-1);
    assert.deepEqual({ ...it.next() }, { value: 'rescued negative', done: true });
  });
});

describe('fallback and lastKnownGood', () => {
  it('falls back to a value or a function of the context', async () => {
    const { api, m } = service();
    new RepairEngine().attach([fallback(`${m}#flakySync`, 0), fallback(`${m}#flakyAsync`, (ctx: any) => `fallback for ${ctx.args[0]}`)]);
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

describe('retry', () => {
  it('retries a sync function at once and an async one after a backoff', async () => {
    const { api, m } = service();
    const engine = new RepairEngine();
    engine.attach([retry(`${m}#flakySync`, { attempts: 3 }), retry(`${m}#flakyAsync`, { attempts: 4, backoff: { initial: 1, max: 5 } })]);
    api.failNext(2);
    assert.equal(api.flakySync(2), 4);
    api.failNext(3);
    assert.equal(await api.flakyAsync(2), 4);
    api.failNext(5);
    await assert.rejects(api.flakyAsync(2), /transient/);
    assert.equal(engine.counters().repair, 2);
  });

  it("retries only what 'when' accepts", () => {
    const { api, m } = service();
    new RepairEngine().attach([retry(`${m}#flakySync`, { when: (e) => (e as Error).message !== 'transient' })]);
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/);
  });

  it('computes jittered exponential backoff, capped', () => {
    assert.equal(backoffDelay(1, { initial: 10, jitter: false }), 10);
    assert.equal(backoffDelay(4, { initial: 10, factor: 3, jitter: false }), 270);
    assert.equal(backoffDelay(20, { initial: 10, max: 1000, jitter: false }), 1000);
    assert.equal(backoffDelay(3, { initial: 10 }, () => 0.5), 20);
  });
});

describe('timeout', () => {
  it('rejects an async call that takes too long, and lets a fast one through', async () => {
    const { api, m } = service();
    new RepairEngine().attach([timeout(`${m}#slow`, 30)]);
    assert.equal(await api.slow(1), 'slow 1');
    await assert.rejects(api.slow(200), (e: Error) => e instanceof TimeoutError && /slow timed out after 30 ms/.test(e.message));
  });
});

describe('circuitBreaker', () => {
  it('opens after failures in a row, fails fast, half-opens, and closes on success', () => {
    const { api, m } = service();
    let now = 0;
    const breaker = circuitBreaker(`${m}#flakySync`, { threshold: 2, halfOpenAfter: 100, now: () => now });
    new RepairEngine().attach([breaker]);
    api.failNext(2);
    assert.throws(() => api.flakySync(1), /transient/);
    assert.throws(() => api.flakySync(1), /transient/);
    assert.equal(breaker.state, 'open');
    assert.throws(() => api.flakySync(1), (e: Error) => e instanceof CircuitOpenError);
    now = 150;
    assert.equal(api.flakySync(1), 2);
    assert.equal(breaker.state, 'closed');
    breaker.isolate();
    assert.throws(() => api.flakySync(1), CircuitOpenError);
    breaker.reset();
    assert.equal(api.flakySync(2), 4);
  });

  it('fails an async call fast with a rejected promise, or a fallback', async () => {
    const { api, m } = service();
    const breaker = circuitBreaker(`${m}#flakyAsync`, { threshold: 1, fallback: () => Promise.resolve('cached') });
    new RepairEngine().attach([breaker]);
    api.failNext(1);
    await assert.rejects(api.flakyAsync(1), /transient/);
    assert.equal(await api.flakyAsync(1), 'cached');
  });
});

describe('bulkhead', () => {
  it('limits concurrent async calls, queues some and rejects the rest', async () => {
    const { api, m } = service();
    new RepairEngine().attach([bulkhead(`${m}#slow`, { limit: 2, queue: 1 })]);
    const calls = [api.slow(20), api.slow(20), api.slow(5), api.slow(5)];
    const results = await Promise.allSettled(calls);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    assert.ok((results[3] as PromiseRejectedResult).reason instanceof BulkheadRejectedError);
    assert.equal(await api.slow(1), 'slow 1');
  });
});

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
});

describe('guardArgs', () => {
  it('coerces, or rejects without running the call', async () => {
    const { api, m } = service();
    new RepairEngine().attach([guardArgs(`${m}#Stock.prototype.take`, ([n]) => (Number.isInteger(n) && n >= 0) || (typeof n === 'string' ? [Number(n)] : 'n must be a count')), guardArgs(`${m}#Stock.prototype.load`, ([k]) => typeof k === 'string')]);
    const s = new api.Stock([1, 2, 3]);
    assert.equal(s.take('1'), 2);
    assert.throws(() => s.take(-1), /Stock\.prototype\.take: invalid arguments: n must be a count/);
    assert.equal(s.count, 2);
    await assert.rejects(s.load(42), /Stock\.prototype\.load: invalid arguments/);
  });
});

describe('inject', () => {
  it('throws, returns or delays, every n-th time, a limited number of times', async () => {
    const { api, m } = service();
    new RepairEngine().attach([inject(`${m}#flakySync`, { throw: 'injected', every: 2, times: 2 }), inject(`${m}#flakyAsync`, { returns: 'canned', times: 1 }), inject(`${m}#slow`, { delay: 30 })]);
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
    assert.equal(stats.flakySync!.histogram.reduce((n, b) => n + b.count, 0), 2);
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
