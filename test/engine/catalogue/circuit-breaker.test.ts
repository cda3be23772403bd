import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CircuitOpenError, RepairEngine, circuitBreaker, detachAll, guardArgs } from '../../../src/index.js';
import { service } from './service.js';

afterEach(() => detachAll());

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
    assert.throws(
      () => api.flakySync(1),
      (e: Error) => e instanceof CircuitOpenError,
    );
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

  it('tells its listeners when it breaks, half-opens and resets; a disposed listener hears no more', () => {
    const { api, m } = service();
    let now = 0;
    const breaker = circuitBreaker(`${m}#flakySync`, { threshold: 1, halfOpenAfter: 10, now: () => now });
    new RepairEngine().attach([breaker]);
    const heard: string[] = [];
    const onBreak = breaker.onBreak((e) => void heard.push(`break ${e.function} ${e.failures}`));
    breaker.onHalfOpen(() => void heard.push('half-open'));
    breaker.onReset(() => void heard.push('reset'));
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/);
    assert.deepEqual(breaker.circuit, { state: 'open', failures: 1, openedAt: 0 });
    now = 20;
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/, 'the trial fails: open again');
    now = 40;
    assert.equal(api.flakySync(1), 2);
    assert.deepEqual(heard, ['break flakySync 1', 'half-open', 'break flakySync 1', 'half-open', 'reset']);
    onBreak.dispose();
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/);
    assert.equal(breaker.state, 'open');
    assert.equal(heard.length, 5);
  });

  it('a listener that throws is a warning, not a failure of the call', async () => {
    const { api, m } = service();
    const breaker = circuitBreaker(`${m}#flakySync`, { threshold: 1 });
    new RepairEngine().attach([breaker]);
    breaker.onBreak(() => {
      throw new Error('listener broke');
    });
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/);
    assert.match((await warned).message, /listener broke/);
  });

  it('a trial that another rule refuses ends the trial: the next call is the trial', () => {
    const { api, m } = service();
    let now = 0;
    let refuse = false;
    const breaker = circuitBreaker(`${m}#flakySync`, { threshold: 1, halfOpenAfter: 10, now: () => now });
    new RepairEngine().attach([breaker, guardArgs(`${m}#flakySync`, () => !refuse)]);
    api.failNext(1);
    assert.throws(() => api.flakySync(1), /transient/);
    now = 20;
    refuse = true;
    assert.throws(() => api.flakySync(1), /invalid arguments/);
    assert.equal(breaker.state, 'open');
    refuse = false;
    assert.equal(api.flakySync(1), 2);
    assert.equal(breaker.state, 'closed');
  });
});
