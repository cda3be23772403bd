import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  BulkheadRejectedError,
  CircuitOpenError,
  OptionError,
  RepairEngine,
  RuleError,
  TimeoutError,
  bulkhead,
  circuitBreaker,
  detachAll,
  retry,
  timeout,
} from '../../src/index.js';
import { lastModule, runPrepared } from '../support/prepared.js';

afterEach(() => detachAll());

/** The error `fn` throws or rejects with. */
async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  return assert.fail('nothing was thrown');
}

describe('errors carry a stable code', () => {
  it('a refused rule, a bad option', async () => {
    const refused = await caught(() => new RepairEngine().attach([{ id: 'r', target: 'x', before: 42 as never }]));
    assert.ok(refused instanceof RuleError);
    assert.equal(refused.code, 'ERR_KHEIRON_RULE');
    const bad = await caught(() => retry('x', { attempts: 0 }));
    assert.ok(bad instanceof OptionError && bad instanceof TypeError);
    assert.equal(bad.code, 'ERR_KHEIRON_INVALID_OPTION');
    assert.equal(
      ((await caught(() => retry('x', { atempts: 2 } as never))) as OptionError).code,
      'ERR_KHEIRON_INVALID_OPTION',
    );
  });

  it('what the catalogue throws into the application', async () => {
    const ctx = runPrepared(
      'async function wait(ms) { await new Promise((r) => setTimeout(r, ms)); return ms; }\nthis.wait = wait;',
      'codes',
    );
    const m = lastModule();
    const breaker = circuitBreaker(`${m}#wait`);
    new RepairEngine().attach([timeout(`${m}#wait`, 10), bulkhead(`${m}#wait`, { limit: 1 }), breaker]);
    const first = ctx.wait(200);
    const full = await caught(() => ctx.wait(1));
    assert.ok(full instanceof BulkheadRejectedError);
    assert.equal(full.code, 'ERR_KHEIRON_BULKHEAD_FULL');
    const late = await caught(() => first);
    assert.ok(late instanceof TimeoutError);
    assert.equal(late.code, 'ERR_KHEIRON_TIMEOUT');
    breaker.isolate();
    assert.equal(((await caught(() => ctx.wait(1))) as CircuitOpenError).code, 'ERR_KHEIRON_CIRCUIT_OPEN');
  });
});

describe('the runtime’s errors carry the code too', () => {
  it('a bad attach option, a bad selector', async () => {
    const { attach } = await import('../../src/index.js');
    const bad = await caught(() => attach({ target: 'x', before: 42 as never }));
    assert.ok(bad instanceof OptionError);
    assert.equal(bad.code, 'ERR_KHEIRON_INVALID_OPTION');
    assert.equal(
      ((await caught(() => attach({ target: { name: 'x', klass: 1 } as never, before() {} }))) as OptionError).code,
      'ERR_KHEIRON_INVALID_OPTION',
    );
  });
});
