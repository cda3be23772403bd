import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  BulkheadRejectedError,
  CircuitOpenError,
  RepairEngine,
  TimeoutError,
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
  type CircuitBreakerRule,
  type ObserveRule,
  type Rule,
} from '../../src/index.js';
import { lastModule, runPrepared } from '../support/prepared.js';

/*
 * The contract of catalogue entries on one function (docs/engine.md, "Entries on one
 * function"): every pair below runs in both attach orders, on a sync and an async target
 * where the pair applies to both, and must come out the same.
 */

afterEach(() => detachAll());

const DB = `
const state = { calls: 0, failures: 0, delays: [] };
class DbError extends Error {}
class Db {
  constructor() { this.log = []; }
  querySync(x) {
    state.calls++;
    this.log.push(x);
    if (state.failures > 0) { state.failures--; throw new Error('db down'); }
    return 'row ' + x;
  }
  async query(x) {
    state.calls++;
    const ms = state.delays.shift() ?? 0;
    await (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : null);
    if (state.failures > 0) { state.failures--; throw new Error('db down'); }
    return 'row ' + x;
  }
}
this.db = new Db();
this.state = state;
this.DbError = DbError;
`;

type Kind = 'sync' | 'async';

interface World {
  /** Calls the target: db.querySync or db.query, awaited either way. */
  call(x?: unknown): Promise<unknown>;
  /** Calls the target and answers the error it threw or rejected with. */
  fails(x?: unknown): Promise<unknown>;
  state: { calls: number; failures: number; delays: number[] };
  db: { log: unknown[] };
  DbError: new (message?: string, options?: { cause?: unknown }) => Error;
  engine: RepairEngine;
  target: string;
  kind: Kind;
}

interface Pair {
  name: string;
  kinds: readonly Kind[];
  rules(target: string, world: Omit<World, 'engine'>): Rule[];
  check(world: World, rules: Rule[]): Promise<void>;
}

const fast = { initial: 1, jitter: false };
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function world(kind: Kind): Omit<World, 'engine'> {
  const ctx = runPrepared(DB, 'db');
  const method = kind === 'sync' ? 'querySync' : 'query';
  const call = async (x: unknown = 1): Promise<unknown> => ctx.db[method](x);
  const fails = async (x: unknown = 1): Promise<unknown> => {
    try {
      await call(x);
    } catch (error) {
      return error;
    }
    assert.fail('the call did not fail');
  };
  return {
    call,
    fails,
    state: ctx.state,
    db: ctx.db,
    DbError: ctx.DbError,
    target: `${lastModule()}#Db.prototype.${method}`,
    kind,
  };
}

const injected = (w: World): number => w.engine.counters().injected;
const repairs = (w: World): number => w.engine.counters().repair;

const PAIRS: Pair[] = [
  {
    name: 'inject × retry: each attempt meets the fault; the rule detaches itself after its last',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { throw: 'injected', times: 2 }), retry(t, { attempts: 3, backoff: fast })],
    async check(w) {
      assert.equal(await w.call(), 'row 1');
      assert.equal(w.state.calls, 1, 'the body ran once: the two faults stood for attempts 1 and 2');
      assert.equal(injected(w), 2);
      assert.equal(repairs(w), 1);
      await settle();
      assert.deepEqual(
        w.engine
          .rules()
          .map((r) => r.id)
          .filter((id) => id.startsWith('inject')),
        [],
      );
      assert.match(
        String(w.engine.events().find((e) => e.type === 'self-detach')?.detail?.reason),
        /injected 2 faults/,
      );
    },
  },
  {
    name: 'inject × retry: a fault that lasts uses up the attempts',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { throw: 'injected' }), retry(t, { attempts: 3, backoff: fast })],
    async check(w) {
      assert.equal(((await w.fails()) as Error).message, 'injected');
      assert.equal(injected(w), 3);
      assert.equal(w.state.calls, 0);
    },
  },
  {
    name: 'inject × fallback: the fallback recovers the injected fault',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { throw: 'injected' }), fallback(t, 'fb')],
    async check(w) {
      assert.equal(await w.call(), 'fb');
      assert.equal(w.state.calls, 0);
      assert.equal(injected(w), 1);
      assert.equal(repairs(w), 1);
    },
  },
  {
    name: 'inject × rescue: the injected fault becomes the declared failure',
    kinds: ['sync', 'async'],
    rules: (t, w) => [inject(t, { throw: 'injected' }), rescue(t, { as: w.DbError })],
    async check(w) {
      const error = (await w.fails()) as Error;
      assert.ok(error instanceof w.DbError);
      assert.equal((error.cause as Error).message, 'injected');
    },
  },
  {
    name: 'inject × lastKnownGood: the last good result stands in for the fault',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { throw: 'injected', every: 2 }), lastKnownGood(t)],
    async check(w) {
      assert.equal(await w.call(1), 'row 1');
      assert.equal(await w.call(1), 'row 1');
      assert.equal(w.state.calls, 1);
      assert.equal(injected(w), 1);
    },
  },
  {
    name: 'inject × circuitBreaker: injected faults open the circuit; an open circuit reaches no fault',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { throw: 'injected' }), circuitBreaker(t, { threshold: 2 })],
    async check(w, rules) {
      for (let i = 0; i < 2; i++) assert.equal(((await w.fails()) as Error).message, 'injected');
      assert.equal((rules.find((r) => r.id.startsWith('circuitBreaker')) as CircuitBreakerRule).state, 'open');
      assert.ok((await w.fails()) instanceof CircuitOpenError);
      assert.equal(injected(w), 2);
    },
  },
  {
    name: 'inject × observe: an injected fault is an error of the call, timed',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { throw: 'injected' }), observe(t)],
    async check(w, rules) {
      await w.fails();
      const stats = Object.values((rules.find((r) => r.id.startsWith('observe')) as ObserveRule).stats())[0]!;
      assert.deepEqual([stats.calls, stats.errors, stats.recovered, stats.untimed], [1, 1, 0, 0]);
    },
  },
  {
    name: 'inject returns × after: the injected value is the result the other rules see',
    kinds: ['sync', 'async'],
    rules: (t) => [inject(t, { returns: 'canned' }), lastKnownGood(t), observe(t)],
    async check(w, rules) {
      assert.equal(await w.call(), 'canned');
      const stats = Object.values((rules.find((r) => r.id.startsWith('observe')) as ObserveRule).stats())[0]!;
      assert.deepEqual([stats.calls, stats.errors], [1, 0]);
      assert.equal(w.state.calls, 0);
    },
  },
  {
    name: 'inject delay × timeout: the timeout bounds the injected delay',
    kinds: ['async'],
    rules: (t) => [inject(t, { delay: 300 }), timeout(t, 30)],
    async check(w) {
      const started = Date.now();
      assert.ok((await w.fails()) instanceof TimeoutError);
      assert.ok(Date.now() - started < 250, `took ${Date.now() - started} ms`);
    },
  },
  {
    name: 'timeout × retry: each attempt has its own timeout',
    kinds: ['async'],
    rules: (t) => [timeout(t, 40), retry(t, { attempts: 2, backoff: fast })],
    async check(w) {
      w.state.delays.push(300, 0);
      assert.equal(await w.call(), 'row 1');
      assert.equal(w.state.calls, 2);
      assert.equal(w.engine.events().filter((e) => e.type === 'repair').length, 2, 'the timeout and the retry');
    },
  },
  {
    name: 'timeout × rescue: a timeout is the body failing',
    kinds: ['async'],
    rules: (t) => [timeout(t, 30), rescue(t, { as: () => 'rescued', when: (e) => e instanceof TimeoutError })],
    async check(w) {
      w.state.delays.push(300);
      assert.equal(await w.call(), 'rescued');
    },
  },
  {
    name: 'timeout × fallback: a timeout is the body failing',
    kinds: ['async'],
    rules: (t) => [timeout(t, 30), fallback(t, 'fb')],
    async check(w) {
      w.state.delays.push(300);
      assert.equal(await w.call(), 'fb');
    },
  },
  {
    name: 'timeout × circuitBreaker: timeouts count as failures',
    kinds: ['async'],
    rules: (t) => [timeout(t, 30), circuitBreaker(t, { threshold: 1 })],
    async check(w) {
      w.state.delays.push(300);
      assert.ok((await w.fails()) instanceof TimeoutError);
      assert.ok((await w.fails()) instanceof CircuitOpenError);
      assert.equal(w.state.calls, 1);
    },
  },
  {
    name: 'timeout × observe: a timed-out call is an error',
    kinds: ['async'],
    rules: (t) => [timeout(t, 30), observe(t)],
    async check(w, rules) {
      w.state.delays.push(300);
      await w.fails();
      const stats = Object.values((rules.find((r) => r.id.startsWith('observe')) as ObserveRule).stats())[0]!;
      assert.deepEqual([stats.calls, stats.errors], [1, 1]);
    },
  },
  {
    name: 'circuitBreaker refuses × retry: a refused call is not retried',
    kinds: ['sync', 'async'],
    rules: (t) => [isolated(t), retry(t, { attempts: 3, backoff: fast })],
    async check(w) {
      assert.ok((await w.fails()) instanceof CircuitOpenError);
      assert.equal(w.state.calls, 0);
      assert.equal(repairs(w), 0);
    },
  },
  {
    name: 'circuitBreaker refuses × fallback: the fallback recovers the refusal',
    kinds: ['sync', 'async'],
    rules: (t) => [isolated(t), fallback(t, 'fb')],
    async check(w) {
      assert.equal(await w.call(), 'fb');
      assert.equal(w.state.calls, 0);
    },
  },
  {
    name: 'circuitBreaker refuses × lastKnownGood: the last good result stands in for the refusal',
    kinds: ['sync', 'async'],
    rules: (t) => [circuitBreaker(t), lastKnownGood(t)],
    async check(w, rules) {
      assert.equal(await w.call(1), 'row 1');
      (rules.find((r) => r.id.startsWith('circuitBreaker')) as CircuitBreakerRule).isolate();
      assert.equal(await w.call(1), 'row 1');
      assert.ok((await w.fails(2)) instanceof CircuitOpenError, 'nothing known for 2');
      assert.equal(w.state.calls, 1);
    },
  },
  {
    name: 'circuitBreaker refuses × observe: a refused call is an error, untimed',
    kinds: ['sync', 'async'],
    rules: (t) => [isolated(t), observe(t)],
    async check(w, rules) {
      await w.fails();
      const stats = Object.values((rules.find((r) => r.id.startsWith('observe')) as ObserveRule).stats())[0]!;
      assert.deepEqual([stats.calls, stats.errors, stats.untimed], [1, 1, 1]);
    },
  },
  {
    name: 'bulkhead refuses × retry: a call refused for want of a place is not retried',
    kinds: ['async'],
    rules: (t) => [bulkhead(t, { limit: 1 }), retry(t, { attempts: 3, backoff: fast })],
    async check(w) {
      w.state.delays.push(50);
      const first = w.call(1);
      assert.ok((await w.fails(2)) instanceof BulkheadRejectedError);
      assert.equal(await first, 'row 1');
      assert.equal(w.state.calls, 1);
    },
  },
  {
    name: 'bulkhead queue × inject: a queued call runs the body, fault and all, and frees its place',
    kinds: ['async'],
    rules: (t) => [bulkhead(t, { limit: 1, queue: 1 }), inject(t, { throw: 'injected', every: 2 })],
    async check(w) {
      w.state.delays.push(30);
      const first = w.call(1);
      const second = w.fails(2);
      assert.equal(await first, 'row 1');
      assert.equal(((await second) as Error).message, 'injected');
      assert.equal(await w.call(3), 'row 3', 'both places were given back');
    },
  },
  {
    name: 'guardArgs refuses × fallback and retry: recovered, not retried',
    kinds: ['sync', 'async'],
    rules: (t) => [
      guardArgs(t, ([x]) => x !== -1 || 'negative'),
      retry(t, { attempts: 3, backoff: fast }),
      fallback(t, 'fb'),
    ],
    async check(w) {
      assert.equal(await w.call(-1), 'fb');
      assert.equal(w.state.calls, 0);
    },
  },
  {
    name: 'retry × fallback: the fallback recovers once the attempts are spent',
    kinds: ['sync', 'async'],
    rules: (t) => [retry(t, { attempts: 2, backoff: fast }), fallback(t, 'fb')],
    async check(w) {
      w.state.failures = 5;
      assert.equal(await w.call(), 'fb');
      assert.equal(w.state.calls, 2);
    },
  },
  {
    name: 'retry × rescue: the last attempt’s error becomes the declared failure',
    kinds: ['sync', 'async'],
    rules: (t, w) => [retry(t, { attempts: 2, backoff: fast }), rescue(t, { as: w.DbError })],
    async check(w) {
      w.state.failures = 5;
      assert.ok((await w.fails()) instanceof w.DbError);
      assert.equal(w.state.calls, 2);
    },
  },
  {
    name: 'rollback × retry: the state is restored before the body runs again',
    kinds: ['sync'],
    rules: (t) => [rollback(t, { fields: ['log'] }), retry(t, { attempts: 2, backoff: fast })],
    async check(w) {
      w.state.failures = 1;
      assert.equal(await w.call(7), 'row 7');
      assert.deepEqual([...w.db.log], [7]);
    },
  },
  {
    name: 'retry × circuitBreaker: the breaker counts the body’s failure, retried or not',
    kinds: ['sync', 'async'],
    rules: (t) => [retry(t, { attempts: 2, backoff: fast }), circuitBreaker(t, { threshold: 1 })],
    async check(w) {
      w.state.failures = 1;
      assert.equal(await w.call(), 'row 1');
      assert.ok((await w.fails()) instanceof CircuitOpenError);
    },
  },
  {
    name: 'retry × observe: a retried call that succeeds is recovered, not an error',
    kinds: ['sync', 'async'],
    rules: (t) => [retry(t, { attempts: 2, backoff: fast }), observe(t)],
    async check(w, rules) {
      w.state.failures = 1;
      assert.equal(await w.call(), 'row 1');
      const stats = Object.values((rules.find((r) => r.id.startsWith('observe')) as ObserveRule).stats())[0]!;
      assert.deepEqual([stats.calls, stats.errors, stats.recovered], [1, 0, 1]);
    },
  },
];

function isolated(target: string): CircuitBreakerRule {
  const breaker = circuitBreaker(target);
  breaker.isolate();
  return breaker;
}

/** The orders in which the rules of a pair are attached: as written, and reversed. */
const ORDERS = [
  ['as written', <T>(rules: T[]): T[] => rules],
  ['reversed', <T>(rules: T[]): T[] => [...rules].reverse()],
] as const;

describe('catalogue entries on one function compose, whichever was attached first', () => {
  for (const pair of PAIRS) {
    for (const kind of pair.kinds) {
      for (const [order, arrange] of ORDERS) {
        it(`${pair.name} (${kind}, ${order})`, async () => {
          const partial = world(kind);
          const rules = pair.rules(partial.target, partial);
          const engine = new RepairEngine();
          engine.attach(arrange(rules));
          await pair.check({ ...partial, engine }, rules);
          assert.equal(
            engine.counters()['rule-error'],
            0,
            JSON.stringify(engine.events().filter((e) => e.type === 'rule-error')),
          );
        });
      }
    }
  }
});

describe('the control points of several rules', () => {
  it('runs every onThrow hook; a rethrow replaces the error the later ones see', async () => {
    const w = world('sync');
    const seen: string[] = [];
    const engine = new RepairEngine();
    engine.attach([
      { id: 'replace', target: w.target, onThrow: (ctx) => ctx.rethrow(new Error('replaced')) },
      {
        id: 'see',
        target: w.target,
        onThrow: (ctx) => void seen.push(`${(ctx.error as Error).message} ${ctx.recovered}`),
      },
      { id: 'recover', target: w.target, onThrow: (ctx) => ctx.recover('ok') },
      { id: 'late', target: w.target, onThrow: (ctx) => void seen.push(`late ${ctx.recovered} ${String(ctx.result)}`) },
    ]);
    w.state.failures = 1;
    assert.equal(await w.call(), 'ok');
    assert.deepEqual(seen, ['replaced false', 'late true ok']);
  });

  it('a rethrow in before is the call’s outcome: the other rules see it at onThrow, the one that threw does not', async () => {
    const w = world('sync');
    const seen: string[] = [];
    const engine = new RepairEngine();
    engine.attach([
      {
        id: 'refuse',
        target: w.target,
        before: (ctx) => ctx.rethrow(new Error('refused')),
        onThrow: () => void seen.push('refuse'),
      },
      {
        id: 'other',
        target: w.target,
        onThrow: (ctx) => void seen.push(`other ${(ctx.error as Error).message} ${ctx.skipped}`),
      },
    ]);
    assert.equal(((await w.fails()) as Error).message, 'refused');
    assert.deepEqual(seen, ['other refused true']);
  });

  it('an async skip settles before after and onThrow see it', async () => {
    const w = world('async');
    const seen: unknown[] = [];
    const engine = new RepairEngine();
    engine.attach([
      { id: 'skip', target: w.target, before: (ctx) => ctx.skip(Promise.reject(new Error('supplied'))) },
      {
        id: 'see',
        target: w.target,
        after: (ctx) => void seen.push(ctx.result),
        onThrow: (ctx) => void seen.push((ctx.error as Error).message),
      },
    ]);
    await w.fails();
    assert.deepEqual(seen, ['supplied']);
  });

  it('around: returning run lets the body run; its outcome is the body’s; an error of the body stays the body’s', async () => {
    const w = world('sync');
    const seen: unknown[] = [];
    const engine = new RepairEngine();
    engine.attach([
      { id: 'pass', target: w.target, around: (_ctx, run) => run },
      { id: 'wrap', target: w.target, invokes: true, around: (_ctx, run) => `<${String(run())}>` },
      { id: 'see', target: w.target, after: (ctx) => void seen.push(ctx.result, ctx.skipped) },
    ]);
    assert.equal(await w.call(), '<row 1>');
    assert.deepEqual(seen, ['<row 1>', false]);
    w.state.failures = 1;
    assert.equal(((await w.fails()) as Error).message, 'db down');
    assert.equal(engine.counters()['rule-error'], 0);
  });

  it('around: a rule that calls run() without invokes fails as a rule, and the call goes on', async () => {
    const w = world('sync');
    const engine = new RepairEngine();
    engine.attach([{ id: 'sloppy', target: w.target, around: (_ctx, run) => run() }]);
    assert.equal(await w.call(), 'row 1');
    assert.equal(engine.counters()['rule-error'], 1);
    assert.match(
      JSON.stringify(engine.events().find((e) => e.type === 'rule-error')),
      /without declaring 'invokes: true'/,
    );
  });

  it('refuses interrupt with around, naming the rule', () => {
    const w = world('sync');
    assert.throws(
      () => new RepairEngine().attach([{ id: 'x', target: w.target, interrupt: true, around: (_c, run) => run }]),
      /rule 'x'.*'interrupt' cannot apply to 'around'/,
    );
  });

  it('the body that a rule runs again calls other functions with their hooks on', async () => {
    const ctx = runPrepared(
      'function inner(x) { return x; }\nfunction outer(x) { if (outer.fail-- > 0) throw new Error("once"); return inner(x); }\nouter.fail = 1;\nthis.outer = outer;',
      'nested',
    );
    const m = lastModule();
    const engine = new RepairEngine();
    const seen: unknown[] = [];
    engine.attach([
      retry(`${m}#outer`, { attempts: 2 }),
      { id: 'inner', target: `${m}#inner`, before: (c) => void seen.push(c.args[0]) },
    ]);
    assert.equal(ctx.outer(5), 5);
    assert.deepEqual(seen, [5], "inner's rule ran during the retried attempt");
  });
});

/** Every entry of the catalogue, set up to act on the calls of the sequence below. */
const ENTRIES: { name: string; kinds: readonly Kind[]; make(target: string, w: Omit<World, 'engine'>): Rule }[] = [
  {
    name: 'invariant',
    kinds: ['sync', 'async'],
    make: (t) => invariant(t, (ctx) => ctx.point === 'before' || typeof ctx.result === 'string'),
  },
  { name: 'rollback', kinds: ['sync'], make: (t) => rollback(t, { fields: ['log'] }) },
  { name: 'rescue', kinds: ['sync', 'async'], make: (t, w) => rescue(t, { as: w.DbError }) },
  { name: 'fallback', kinds: ['sync', 'async'], make: (t) => fallback(t, 'fb') },
  { name: 'lastKnownGood', kinds: ['sync', 'async'], make: (t) => lastKnownGood(t) },
  { name: 'retry', kinds: ['sync', 'async'], make: (t) => retry(t, { attempts: 2, backoff: fast }) },
  { name: 'timeout', kinds: ['async'], make: (t) => timeout(t, 5000) },
  { name: 'circuitBreaker', kinds: ['sync', 'async'], make: (t) => circuitBreaker(t, { threshold: 2 }) },
  { name: 'bulkhead', kinds: ['sync', 'async'], make: (t) => bulkhead(t, { limit: 1, queue: 1 }) },
  { name: 'reset', kinds: ['sync', 'async'], make: (t) => reset(t, { using: () => undefined, after: 1 }) },
  { name: 'guardArgs', kinds: ['sync', 'async'], make: (t) => guardArgs(t, ([x]) => x !== 0 || 'zero') },
  { name: 'inject', kinds: ['sync', 'async'], make: (t) => inject(t, { throw: 'injected', every: 3 }) },
  { name: 'observe', kinds: ['sync', 'async'], make: (t) => observe(t) },
];

/** Entries of one default priority that each recover a failure: the first attached does (documented). */
const RECOVERERS = new Set(['rescue', 'fallback', 'lastKnownGood']);

/** A sequence of calls that makes every entry act: failures, successes, refused arguments. */
async function sequence(w: World): Promise<string[]> {
  const seen: string[] = [];
  const step = async (x: unknown, failures: number): Promise<void> => {
    w.state.failures = failures;
    try {
      seen.push(`= ${String(await w.call(x))}`);
    } catch (error) {
      seen.push(`! ${(error as Error).name}: ${(error as Error).message}`);
    }
  };
  for (const [x, failures] of [
    [1, 1],
    [2, 0],
    [1, 2],
    [0, 0],
    [3, 1],
    [1, 0],
    [4, 3],
  ] as const)
    await step(x, failures);
  seen.push(`body ran ${w.state.calls} times; ${w.engine.counters()['rule-error']} rule errors`);
  return seen;
}

describe('every pair of catalogue entries comes out the same in either attach order', () => {
  for (const [i, a] of ENTRIES.entries()) {
    for (const b of ENTRIES.slice(i + 1)) {
      if (RECOVERERS.has(a.name) && RECOVERERS.has(b.name)) continue;
      for (const kind of a.kinds.filter((k) => b.kinds.includes(k))) {
        it(`${a.name} × ${b.name} (${kind})`, async () => {
          const outcomes: string[][] = [];
          for (const [, arrange] of ORDERS) {
            const partial = world(kind);
            const engine = new RepairEngine();
            engine.attach(arrange([a.make(partial.target, partial), b.make(partial.target, partial)]));
            outcomes.push(await sequence({ ...partial, engine }));
            detachAll();
          }
          assert.match(outcomes[0]!.at(-1)!, /; 0 rule errors$/);
          assert.deepEqual(outcomes[1], outcomes[0]);
        });
      }
    }
  }
});
