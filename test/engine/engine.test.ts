import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import {
  AUDIT_CHANNEL,
  RepairEngine,
  RuleError,
  defineRules,
  detachAll,
  functions,
  retry,
  sharedEngine,
  type AuditEvent,
} from '../../src/index.js';
import { allEngines } from '../../src/engine/engines.js';
import { lastModule, runPrepared } from '../support/prepared.js';

afterEach(() => detachAll());

const BANK = `
class Account {
  constructor(owner) { this.owner = owner; this.balance = 0; this.log = []; }
  deposit(n) {
    if (!(n > 0)) throw new RangeError('bad amount ' + n);
    this.balance += n;
    this.log.push(n);
    return this.balance;
  }
  /** @kheiron-safe */
  audit() {
    return this.log.length;
  }
  transfer(to, n) {
    this.deposit(-0 - n + 2 * n);
    to.deposit(n);
    return this.balance;
  }
}
async function fetchRate(c) {
  await null;
  if (c === 'bad') throw new Error('no rate');
  return 1.5;
}
this.Account = Account; this.fetchRate = fetchRate;
`;

function bank(): { Account: any; fetchRate: (c: string) => Promise<number>; module: string } {
  const ctx = runPrepared(BANK, 'bank');
  return { Account: ctx.Account, fetchRate: ctx.fetchRate, module: lastModule() };
}

describe('attach is all or nothing', () => {
  it('attaches every rule of a set and reports the functions it attached to', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    const seen: string[] = [];
    const attached = engine.attach(
      defineRules(
        'audit-set',
        { id: 'a', target: `${module}#Account.prototype.deposit`, before: (ctx) => void seen.push(`a ${ctx.args[0]}`) },
        {
          id: 'b',
          target: { module, name: 'Account.prototype.*', kind: 'method' },
          after: (ctx) => void seen.push(`b ${ctx.entry.name}`),
        },
      ),
    );
    assert.deepEqual(
      attached.map((r) => [r.id, r.set, r.functions.map((f) => f.name).sort()]),
      [
        ['a', 'audit-set', ['Account.prototype.deposit']],
        ['b', 'audit-set', ['Account.prototype.audit', 'Account.prototype.deposit', 'Account.prototype.transfer']],
      ],
    );
    new Account('x').deposit(5);
    assert.deepEqual(seen, ['a 5', 'b Account.prototype.deposit']);
    assert.equal(engine.counters().attach, 2);
  });

  it('one bad rule changes nothing, and the error names the rule, the file and line, and the problem', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    const seen: string[] = [];
    const set = defineRules({ id: 'good', target: `${module}#**`, before: () => void seen.push('good') }, {
      id: 'bad',
      target: `${module}#**`,
      before() {},
      retries: 3,
    } as never);
    let error: unknown;
    try {
      engine.attach(set);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof RuleError);
    assert.match((error as Error).message, /^rule 'bad' \(.*engine\.test\.js:\d+\): unknown option 'retries'/);
    assert.deepEqual(engine.rules(), []);
    new Account('x').deposit(1);
    assert.deepEqual(seen, []);
  });

  it('rejects bad selectors, options and duplicate ids with a clear message', () => {
    const engine = new RepairEngine();
    const attempt = (rule: object): string => {
      try {
        engine.attach([rule as never]);
        return 'attached';
      } catch (e) {
        return (e as Error).message;
      }
    };
    assert.match(
      attempt({ id: 'k', target: { name: 'x', kind: 'method2' }, before() {} }),
      /selector 'kind' 'method2' is not one of function, arrow, method/,
    );
    assert.match(
      attempt({ id: 'k', target: { name: '' }, before() {} }),
      /selector 'name' must be a non-empty glob string/,
    );
    assert.match(
      attempt({ id: 'k', target: { name: 'x', klass: 'A' }, before() {} }),
      /unknown selector field 'klass'/,
    );
    assert.match(attempt({ id: 'k', target: 'x' }), /needs at least one control point/);
    assert.match(attempt({ id: '', target: 'x', before() {} }), /'id' must be a non-empty string/);
    assert.match(
      attempt({ id: 'k', target: 'x', before() {}, maxFailures: 0 }),
      /'maxFailures' must be a positive integer/,
    );
    engine.attach([{ id: 'k', target: 'nothing-matches', before() {} }]);
    assert.match(attempt({ id: 'k', target: 'x', before() {} }), /rule 'k'.*another attached rule has this id/);
  });

  it('takes any selector the runtime takes: a string, the fields of an entry, or a predicate', () => {
    const ctx = runPrepared(
      'class Till { ring(n) { return n; } }\nfunction total(n) { return n; }\nthis.till = new Till(); this.total = total;',
      'till',
    );
    const m = lastModule();
    const seen: string[] = [];
    const see = (ctx: { entry: { name: string } }): void => void seen.push(ctx.entry.name);
    new RepairEngine().attach([
      { id: 'by-fields', target: { module: m, name: 'Till.prototype.*', kind: 'method' }, before: see },
      { id: 'by-predicate', target: (e) => e.name === 'total' && e.module.includes('till-'), before: see },
    ]);
    ctx.till.ring(1);
    ctx.total(2);
    assert.deepEqual(seen, ['Till.prototype.ring', 'total']);
  });

  it('refuses a rule that runs the original again on functions it cannot reach', () => {
    runPrepared('const handlers = [async (x) => {\n return x; }]; this.h = handlers[0];', 'anon');
    const engine = new RepairEngine();
    assert.throws(
      () => engine.attach([retry(`${lastModule()}#**`, { id: 'r' })]),
      /rule 'r'.*it runs the original function again, which is not possible for <arrow>@1:19/,
    );
  });
});

describe('detach', () => {
  it('detaches per rule, per set and all, restoring the dormant state', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    const seen: string[] = [];
    const rule = (id: string) => ({
      id,
      target: `${module}#Account.prototype.deposit`,
      before: () => void seen.push(id),
    });
    engine.attach(defineRules('one', rule('r1'), rule('r2')));
    engine.attach(defineRules('two', rule('r3')));
    const acct = new Account('x');
    acct.deposit(1);
    assert.deepEqual(seen.splice(0), ['r1', 'r2', 'r3']);
    assert.deepEqual(engine.detach('r2'), ['r2']);
    acct.deposit(1);
    assert.deepEqual(seen.splice(0), ['r1', 'r3']);
    assert.deepEqual(engine.detachSet('one'), ['r1']);
    acct.deposit(1);
    assert.deepEqual(seen.splice(0), ['r3']);
    engine.detach();
    acct.deposit(1);
    assert.deepEqual(seen, []);
    assert.throws(() => engine.detach('nope'), /no attached rule with id 'nope'/);
    const entry = functions(`${module}#Account.prototype.deposit`)[0]!;
    const slot = `__k_${entry.id.replace(':', '_')}`;
    assert.equal((globalThis as any)[slot] ?? false, false);
    assert.equal(engine.counters().detach, 3);
  });

  it('runs several rules on one function by priority, then attach order', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    const order: string[] = [];
    const target = `${module}#Account.prototype.deposit`;
    engine.attach([
      { id: 'low', target, before: () => void order.push('low') },
      { id: 'high', target, priority: 5, before: () => void order.push('high') },
      { id: 'low2', target, before: () => void order.push('low2') },
    ]);
    new Account('x').deposit(1);
    assert.deepEqual(order, ['high', 'low', 'low2']);
  });
});

describe('watch the watchers', () => {
  it("catches a rule's own error, records it, and the application goes on", () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    engine.attach([
      {
        id: 'buggy',
        target: `${module}#Account.prototype.deposit`,
        before: () => {
          throw new Error('rule bug');
        },
      },
    ]);
    assert.equal(new Account('x').deposit(3), 3);
    const [event] = engine.events().filter((e) => e.type === 'rule-error');
    assert.equal(event!.rule, 'buggy');
    assert.equal(event!.function, 'Account.prototype.deposit');
    assert.equal(engine.rules()[0]!.failures, 1);
  });

  it('detaches a rule that fails N times in a row, and records it', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    let runs = 0;
    engine.attach([
      {
        id: 'flaky',
        target: `${module}#Account.prototype.deposit`,
        maxFailures: 3,
        before: () => {
          runs++;
          throw new Error('again');
        },
      },
    ]);
    const acct = new Account('x');
    for (let i = 0; i < 6; i++) acct.deposit(1);
    assert.equal(runs, 3);
    assert.equal(acct.balance, 6);
    assert.deepEqual(engine.rules(), []);
    const detached = engine.events().find((e) => e.type === 'self-detach')!;
    assert.equal(detached.rule, 'flaky');
    assert.match(String(detached.detail!.reason), /failed 3 times in a row/);
  });

  it('detaches a rule that overruns its time budget', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    engine.attach([
      {
        id: 'slow',
        target: `${module}#Account.prototype.deposit`,
        budgetMs: 5,
        before: () => {
          const end = Date.now() + 20;
          while (Date.now() < end);
        },
      },
    ]);
    const acct = new Account('x');
    acct.deposit(1);
    acct.deposit(1);
    assert.deepEqual(engine.rules(), []);
    assert.match(
      String(engine.events().find((e) => e.type === 'self-detach')!.detail!.reason),
      /overran its time budget: \d+\.\d ms at 'before' of Account\.prototype\.deposit, budget 5 ms/,
    );
  });

  it('prepared code that a rule calls does not run rules again', () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    let runs = 0;
    engine.attach([
      {
        id: 'reentrant',
        target: `${module}#Account.prototype.deposit`,
        before: (ctx) => {
          runs++;
          (ctx.this as any).audit();
          new Account('y').deposit(1);
        },
      },
    ]);
    new Account('x').deposit(2);
    assert.equal(runs, 1);
  });
});

describe('audit trail', () => {
  it('writes JSON lines, publishes diagnostics_channel events and keeps counters', () => {
    const { Account, module } = bank();
    const file = join(mkdtempSync(join(tmpdir(), 'kheiron-audit-')), 'audit.jsonl');
    const engine = new RepairEngine({ auditFile: file });
    const published: AuditEvent[] = [];
    const listener = (e: unknown) => void published.push(e as AuditEvent);
    subscribe(AUDIT_CHANNEL, listener);
    try {
      engine.attach(
        defineRules('checks', {
          id: 'positive',
          target: `${module}#Account.prototype.deposit`,
          before: (ctx) => {
            if (!((ctx.args[0] as number) > 0)) {
              ctx.checkFailed({ amount: ctx.args[0] });
              ctx.replaceArgs(1);
              ctx.repaired({ amount: 1 });
            }
          },
        }),
      );
      const acct = new Account('x');
      assert.equal(acct.deposit(-5), 1);
      engine.detach('positive');
    } finally {
      unsubscribe(AUDIT_CHANNEL, listener);
    }
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEvent);
    assert.deepEqual(
      lines.map((e) => e.type),
      ['attach', 'check-failed', 'repair', 'detach'],
    );
    assert.deepEqual(
      published.map((e) => e.type),
      ['attach', 'check-failed', 'repair', 'detach'],
    );
    assert.equal(lines[1]!.function, 'Account.prototype.deposit');
    assert.deepEqual(lines[1]!.detail, { point: 'before', amount: -5 });
    assert.match(lines[0]!.time, /^\d{4}-\d\d-\d\dT/);
    const counters = engine.counters();
    assert.equal(counters['check-failed'], 1);
    assert.equal(counters.repair, 1);
  });
});

describe('safe points', () => {
  it('runs a scheduled repair when the instance leaves its outermost method', async () => {
    const { Account, module } = bank();
    const engine = new RepairEngine();
    const a = new Account('a');
    const b = new Account('b');
    const when: string[] = [];
    engine.attach([
      {
        id: 'spy',
        target: `${module}#Account.prototype.deposit`,
        before: (ctx) => void when.push(`deposit ${ctx.args[0]}`),
      },
    ]);
    const scheduled = engine.schedule(
      (acct: any) => {
        when.push('repair');
        acct.log = [];
      },
      { target: a, at: `${module}#Account.prototype.transfer` },
    );
    a.deposit(1);
    assert.deepEqual(when, ['deposit 1']);
    assert.equal(scheduled.pending, true);
    a.transfer(b, 2);
    await scheduled.done;
    assert.deepEqual(when, ['deposit 1', 'deposit 2', 'deposit 2', 'repair']);
    assert.deepEqual(a.log, []);
    assert.equal(engine.counters()['safe-point'], 1);
  });

  it('by default waits until no other method of the instance is running', async () => {
    const ctx = runPrepared(
      'class Queue {\n constructor() { this.items = []; }\n push(x) {\n this.items.push(x); return this.items.length; }\n pushAll(xs) {\n for (const x of xs) this.push(x); return this.items.length; }\n}\nthis.Queue = Queue;',
      'queue',
    );
    const engine = new RepairEngine();
    const q = new ctx.Queue();
    const seenAt: number[] = [];
    const scheduled = engine.schedule((queue: any) => void seenAt.push(queue.items.length), { target: q });
    // push runs inside pushAll: its exits are not safe; pushAll's exit is
    q.pushAll([1, 2, 3]);
    await scheduled.done;
    assert.deepEqual(seenAt, [3]);
  });

  it('uses the methods tagged @kheiron-safe when the class declares some', async () => {
    const { Account } = bank();
    const engine = new RepairEngine();
    const a = new Account('a');
    const order: string[] = [];
    const scheduled = engine.schedule(() => void order.push('repair'), { target: Account });
    a.deposit(1);
    order.push('after deposit');
    a.audit();
    order.push('after audit');
    await scheduled.done;
    assert.deepEqual(order, ['after deposit', 'repair', 'after audit']);
  });
});

describe('the process-wide engine', () => {
  it('is one engine wherever it is asked for, and lists itself first among the live engines', () => {
    const own = new RepairEngine();
    assert.equal(sharedEngine(), sharedEngine());
    const engines = allEngines();
    assert.equal(engines[0], sharedEngine());
    assert.ok(engines.includes(own));
  });
});
