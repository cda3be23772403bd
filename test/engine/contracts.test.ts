import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, describe, it } from 'node:test';
import {
  AuditError,
  RepairEngine,
  attach,
  bulkhead,
  circuitBreaker,
  defineRules,
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
  type AuditEvent,
} from '../../src/index.js';
import { toPlain } from '../../src/engine/serialize.js';
import { ROOT } from '../support/node.js';
import { lastModule, runPrepared } from '../support/prepared.js';

afterEach(() => detachAll());

const DIR = mkdtempSync(join(tmpdir(), 'kheiron-contracts-'));
after(() => rmSync(DIR, { recursive: true, force: true }));

function counter(): { Counter: any; module: string } {
  const ctx = runPrepared(
    'class Counter { constructor() { this.n = 0; } bump(by) { this.n += by; return this.n; } }\nthis.Counter = Counter;',
    'counter',
  );
  return { Counter: ctx.Counter, module: lastModule() };
}

function lines(file: string): AuditEvent[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AuditEvent);
}

describe('every audit event is written, whatever it carries', () => {
  it('serialises circular, BigInt, Proxy, throwing getters and toJSON, and any thrown value, with markers', async () => {
    const { Counter, module } = counter();
    const file = join(DIR, 'values.jsonl');
    const engine = new RepairEngine({ auditFile: file });
    const circular: Record<string, unknown> = { big: 12n };
    circular.self = circular;
    const throwers = [
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
          ownKeys: () => {
            throw new Error('trap');
          },
        },
      ),
      {
        get message(): string {
          throw new Error('getter');
        },
      },
      {
        toJSON() {
          throw new Error('toJSON');
        },
      },
      Symbol('s'),
      10n,
      undefined,
    ];
    let current = -1;
    engine.attach(
      defineRules('values', {
        id: 'values',
        target: `${module}#Counter.prototype.bump`,
        maxFailures: 100,
        maxFailureRate: 1,
        budgetMs: 60_000,
        before(ctx) {
          if (current === -1)
            ctx.repaired({
              circular,
              fn: function named() {},
              deep: { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } },
              long: 'x'.repeat(5000),
            });
          else throw throwers[current];
        },
      }),
    );
    const c = new Counter();
    for (current = -1; current < throwers.length; current++) c.bump(1);
    await new Promise((r) => setImmediate(r));
    const written = lines(file);
    const counted = Object.entries(engine.counters())
      .filter(([k]) => k !== 'dropped' && k !== 'suppressed')
      .reduce((a, [, v]) => a + v, 0);
    assert.equal(written.length, counted);
    assert.equal(engine.counters()['rule-error'], throwers.length);
    const repair = written.find((e) => e.type === 'repair')!.detail!;
    assert.deepEqual(repair.circular, { big: '[BigInt 12n]', self: '[Circular]' });
    assert.equal(repair.fn, '[Function named]');
    assert.match(JSON.stringify(repair.deep), /Truncated: nested too deep/);
    assert.ok((repair.long as string).length < 2100);
    const errors = written.filter((e) => e.type === 'rule-error').map((e) => e.detail!.error);
    assert.deepEqual(errors.slice(0, 1), ['[Proxy]']);
    assert.match(JSON.stringify(errors[1]), /Unserializable: getter threw Error: getter/);
    assert.match(JSON.stringify(errors[2]), /Unserializable: toJSON threw Error: toJSON/);
    assert.deepEqual(errors.slice(3), ['[Symbol(s)]', '[BigInt 10n]', '[undefined]']);
    assert.equal(engine.counters().dropped, 0);
  });

  it('toPlain is bounded in width and in values', () => {
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    assert.equal(Object.keys(toPlain(wide) as object).length, 51);
    const many = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => ({ x: 1 })));
    assert.ok(JSON.stringify(toPlain(many)).length < 200_000);
  });

  it('an audit file that cannot be opened is an error at start, or at attach when it comes from the environment', () => {
    const missing = join(DIR, 'no-such-dir', 'audit.jsonl');
    assert.throws(
      () => new RepairEngine({ auditFile: missing }),
      (e: unknown) =>
        e instanceof AuditError && /audit file .*no-such-dir.* cannot be opened: .*ENOENT/.test((e as Error).message),
    );
    const saved = process.env.KHEIRON_AUDIT_FILE;
    process.env.KHEIRON_AUDIT_FILE = missing;
    try {
      const engine = new RepairEngine();
      assert.match(engine.auditError() ?? '', /cannot be opened/);
      assert.throws(() => engine.attach([{ id: 'x', target: 'nothing', before() {} }]), AuditError);
      assert.deepEqual(engine.rules(), []);
    } finally {
      if (saved === undefined) delete process.env.KHEIRON_AUDIT_FILE;
      else process.env.KHEIRON_AUDIT_FILE = saved;
    }
  });

  it('a flood of rule errors is written at most 10 a second per rule, the rest counted and written as one event', async () => {
    const { Counter, module } = counter();
    const file = join(DIR, 'flood.jsonl');
    const engine = new RepairEngine({ auditFile: file });
    engine.attach([
      {
        id: 'flood',
        target: `${module}#Counter.prototype.bump`,
        maxFailures: 10_000,
        maxFailureRate: 1,
        budgetMs: 60_000,
        before() {
          throw new Error('always');
        },
      },
    ]);
    const c = new Counter();
    const started = Date.now();
    for (let i = 0; i < 2500; i++) c.bump(1);
    const seconds = Math.ceil((Date.now() - started) / 1000);
    engine.detach('flood');
    // A flood within one turn is written at its end.
    await new Promise((r) => setImmediate(r));
    const written = lines(file);
    const errors = written.filter((e) => e.type === 'rule-error');
    const counters = engine.counters();
    // 10 in full and one summary per second and rule (a loaded machine may take more than one).
    assert.ok(errors.length <= 11 * (seconds + 1), `${errors.length} rule-error lines in ${seconds} s`);
    const suppressed = errors.reduce((n, e) => n + ((e.detail!.suppressed as number | undefined) ?? 0), 0);
    assert.equal(suppressed, counters.suppressed);
    assert.equal(errors.length - errors.filter((e) => e.detail!.suppressed).length + suppressed, 2500);
    assert.equal(c.n, 2500);
  });
});

describe('a failing rule detaches itself', () => {
  it('a rule that fails every other run detaches on its failure rate, not only on a run', () => {
    const { Counter, module } = counter();
    const engine = new RepairEngine();
    let n = 0;
    engine.attach([
      {
        id: 'alternate',
        target: `${module}#Counter.prototype.bump`,
        budgetMs: 60_000,
        before() {
          if (n++ % 2) throw new Error('odd');
        },
      },
    ]);
    const c = new Counter();
    for (let i = 0; i < 100; i++) c.bump(1);
    assert.deepEqual(engine.rules(), []);
    assert.equal(n, 22);
    const detach = engine.events().find((e) => e.type === 'self-detach')!;
    assert.match(String(detach.detail!.reason), /failed 11 of its last 100 control-point runs/);
  });

  it('an async hook that rejects is a rule error; so for a hook attached with the runtime', async () => {
    const { Counter, module } = counter();
    const engine = new RepairEngine();
    engine.attach([
      {
        id: 'async',
        target: `${module}#Counter.prototype.bump`,
        budgetMs: 60_000,
        async after() {
          throw new Error('later');
        },
      } as never,
    ]);
    /* eslint-disable @typescript-eslint/no-misused-promises -- the rejection of an async hook is what it checks */
    const raw = attach({
      target: `${module}#Counter.prototype.bump`,
      async before() {
        throw new Error('raw');
      },
    });
    /* eslint-enable @typescript-eslint/no-misused-promises */
    const c = new Counter();
    for (let i = 0; i < 3; i++) c.bump(1);
    await new Promise((r) => setImmediate(r));
    assert.equal(engine.counters()['rule-error'], 3);
    assert.equal(raw.errors, 3);
    assert.equal(c.n, 3);
  });

  it('a rule that loops is interrupted at its budget when it asks to be', () => {
    const { Counter, module } = counter();
    const engine = new RepairEngine();
    engine.attach([
      {
        id: 'spin',
        target: `${module}#Counter.prototype.bump`,
        budgetMs: 20,
        interrupt: true,
        before() {
          for (;;);
        },
      },
    ]);
    const c = new Counter();
    assert.equal(c.bump(2), 2);
    assert.deepEqual(engine.rules(), []);
    assert.deepEqual(
      engine.events().map((e) => e.type),
      ['attach', 'rule-error', 'self-detach'],
    );
    assert.equal(c.bump(1), 3);
  });
});

describe("catalogue options are checked like a rule's", () => {
  it('names the entry, the option, a close match and the known options', () => {
    const t = 'Db.prototype.query';
    assert.throws(
      () => retry(t, { atempts: 5 } as never),
      /retry\(\): unknown option 'atempts' \(did you mean 'attempts'\?\); known: attempts, backoff, when, id, priority/,
    );
    assert.throws(
      () => circuitBreaker(t, { treshold: 3 } as never),
      /circuitBreaker\(\): unknown option 'treshold' \(did you mean 'threshold'\?\)/,
    );
    assert.throws(
      () => fallback(t, 1, { extra: 1 } as never),
      /fallback\(\): unknown option 'extra'; known: id, priority, maxFailures/,
    );
    assert.throws(
      () => retry(t, { backoff: { inital: 5 } } as never),
      /retry\(\) backoff\(\): unknown backoff option 'inital' \(did you mean 'initial'\?\)/,
    );
    assert.throws(() => bulkhead(t, { limit: 1, queu: 2 } as never), /bulkhead\(\): unknown option 'queu'/);
    assert.throws(
      () => inject(t, { throw: 'x', time: 2 } as never),
      /inject\(\): unknown option 'time' \(did you mean 'times'\?\)/,
    );
    assert.throws(() => rescue(t, { as: 1, wen: () => true } as never), /rescue\(\): unknown option 'wen'/);
    assert.throws(() => reset(t, { using: 'r', afer: 2 } as never), /reset\(\): unknown option 'afer'/);
    assert.throws(
      () => invariant(t, () => true, { repiar: () => {} } as never),
      /invariant\(\): unknown option 'repiar'/,
    );
    assert.throws(() => lastKnownGood(t, { keys: () => 1 } as never), /lastKnownGood\(\): unknown option 'keys'/);
    assert.throws(() => rollback(t, { field: ['a'] } as never), /rollback\(\): unknown option 'field'/);
    assert.throws(() => timeout(t, 10, { ms: 1 } as never), /timeout\(\): unknown option 'ms'/);
    assert.throws(() => guardArgs(t, () => true, { when: 1 } as never), /guardArgs\(\): unknown option 'when'/);
    assert.throws(() => observe(t, { every: 1 } as never), /observe\(\): unknown option 'every'/);
    assert.throws(() => retry(t, { when: 'always' } as never), /retry\(\) when must be a function/);
    assert.throws(() => inject(t, { throw: 'x', probability: 2 }), /probability must be a number from 0 to 1/);
    // Rule options are passed on to the rule.
    assert.equal(retry(t, { priority: 3, maxFailures: 2 }).priority, 3);
  });
});

describe('errors name where the rule was written', () => {
  it('the line of an object-literal rule, not of defineRules(', async () => {
    const file = join(DIR, 'literal.mjs');
    writeFileSync(
      file,
      `import { defineRules } from ${JSON.stringify(join(ROOT, 'dist/src/index.js'))};\nexport default defineRules('literal',\n  { id: 'ok', target: 'x', before() {} },\n  {\n    id: 'bad',\n    target: 'x',\n    retries: 2,\n    before() {},\n  },\n);\n`,
    );
    const set = (await import(pathToFileURL(file).href)).default;
    assert.throws(
      () => new RepairEngine().attach(set),
      /^RuleError: rule 'bad' \(.*literal\.mjs:5\): unknown option 'retries'/,
    );
  });

  it('a set written without defineRules names its file and the line of the rule', async () => {
    const file = join(DIR, 'plain.mjs');
    writeFileSync(
      file,
      `export default {\n  name: 'plain',\n  rules: [\n    { id: 'p', target: 'x', before: 1 },\n  ],\n};\n`,
    );
    const set = (await import(pathToFileURL(file).href)).default;
    assert.throws(
      () => new RepairEngine().attach(set, { file }),
      /rule 'p' \(.*plain\.mjs:4\): 'before' must be a function/,
    );
  });

  it('a duplicate id within one set says so', () => {
    const set = defineRules('dup', { id: 'same', target: 'x', before() {} }, { id: 'same', target: 'y', before() {} });
    assert.throws(
      () => new RepairEngine().attach(set),
      /rule 'same' \(.*contracts\.test\.js:\d+\): another rule of set 'dup' has this id$/,
    );
  });

  it('ctx.invoke without invokes: true is refused with a clear error', () => {
    const { Counter, module } = counter();
    const engine = new RepairEngine();
    engine.attach([
      {
        id: 'sneaky',
        target: `${module}#Counter.prototype.bump`,
        after(ctx) {
          ctx.invoke();
        },
      },
    ]);
    const c = new Counter();
    assert.equal(c.bump(1), 1);
    assert.equal(c.n, 1);
    const error = engine.events().find((e) => e.type === 'rule-error')!.detail!.error as { message: string };
    assert.match(error.message, /rule 'sneaky' calls ctx\.invoke\(\) without declaring 'invokes: true'/);
  });
});
