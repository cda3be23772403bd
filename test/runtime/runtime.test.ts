import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { describe, it, afterEach } from 'node:test';
import vm from 'node:vm';
import { attach, attachments, detachAll, functions, installRuntime, type CallContext } from '../../src/index.js';
import { prepare } from '../../src/transform/index.js';
import { runPrepared, lastModule } from '../support/prepared.js';

afterEach(() => detachAll());

const SHOP = `
class Cart {
  constructor(owner) { this.owner = owner; this.items = []; }
  add(name, price) { if (price < 0) throw new RangeError('negative price'); this.items.push({ name, price }); return this.items.length; }
  get total() { return this.items.reduce((s, i) => s + i.price, 0); }
  set discount(d) { this.d = d; }
  static of(owner) { return new Cart(owner); }
  async checkout(pay) { const ok = await pay(this.total); if (!ok) throw new Error('declined'); return 'paid ' + this.total; }
  *names() { for (const i of this.items) yield i.name; return 'end'; }
}
class Special extends Cart { constructor(owner, tag) { super(owner); this.tag = tag; } }
const twice = (x) => x * 2;
function sloppy(a, b) { a = 10; return arguments[0] + b; }
`;

function shop(): Record<string, any> {
  const ctx = runPrepared(
    SHOP + 'this.Cart = Cart; this.Special = Special; this.twice = twice; this.sloppy = sloppy;',
    'shop',
  );
  return ctx;
}

describe('control point before', () => {
  it('reads this and the arguments, and is called before the body', () => {
    const { Cart } = shop();
    const seen: unknown[] = [];
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      before: (ctx) => void seen.push(ctx.this, [...ctx.args], ctx.entry.name),
    });
    const cart = new Cart('ann');
    assert.equal(cart.add('pen', 2), 1);
    assert.deepEqual(seen, [cart, ['pen', 2], 'Cart.prototype.add']);
  });

  it('replaces the arguments', () => {
    const { Cart } = shop();
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      before: (ctx) => ctx.replaceArgs(String(ctx.args[0]).toUpperCase(), Math.abs(ctx.args[1] as number)),
    });
    const cart = new Cart('ann');
    cart.add('pen', -3);
    assert.deepEqual(JSON.parse(JSON.stringify(cart.items)), [{ name: 'PEN', price: 3 }]);
  });

  it('skips the body and supplies the result; after hooks still see it', () => {
    const { Cart } = shop();
    const afterSaw: unknown[] = [];
    attach({ target: `${lastModule()}#Cart.prototype.add`, before: (ctx) => ctx.skip(-1) });
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      after: (ctx) => void afterSaw.push(ctx.result, ctx.skipped),
    });
    const cart = new Cart('ann');
    assert.equal(cart.add('pen', 1), -1);
    assert.equal(cart.items.length, 0);
    assert.deepEqual(afterSaw, [-1, true]);
  });

  it('replaces the arguments of an arrow with an expression body', () => {
    const { twice } = shop();
    attach({ target: `${lastModule()}#twice`, before: (ctx) => ctx.replaceArgs(100) });
    assert.equal(twice(1), 200);
  });

  it('sees sloppy-mode parameters and keeps arguments mapped', () => {
    const { sloppy } = shop();
    const seen: unknown[] = [];
    attach({ target: `${lastModule()}#sloppy`, before: (ctx) => void seen.push([...ctx.args]) });
    assert.equal(sloppy(1, 2), 12);
    assert.deepEqual(seen, [[1, 2]]);
  });
});

describe('control point after', () => {
  it('reads and replaces the result', () => {
    const { Cart } = shop();
    attach({
      target: `${lastModule()}#get Cart.prototype.total`,
      after: (ctx) => ctx.replaceResult((ctx.result as number) * 100),
    });
    const cart = new Cart('ann');
    cart.add('a', 1);
    cart.add('b', 2);
    assert.equal(cart.total, 300);
  });

  it('gets the new instance of a constructor, also of a derived one', () => {
    const { Special } = shop();
    const seen: unknown[] = [];
    attach({
      target: `${lastModule()}#*.constructor`,
      before: (ctx) => void seen.push(['before', ctx.entry.name, ctx.this, [...ctx.args]]),
      after: (ctx) => void seen.push(['after', ctx.entry.name, ctx.result]),
    });
    const s = new Special('bo', 'vip');
    assert.deepEqual(seen, [
      ['before', 'Special.constructor', undefined, ['bo', 'vip']],
      // Before the body runs there is no instance yet: `this` is undefined at `before`.
      ['before', 'Cart.constructor', undefined, ['bo']],
      ['after', 'Cart.constructor', s],
      ['after', 'Special.constructor', s],
    ]);
  });

  it('sees the settled value of an async function, and can replace it', async () => {
    const { Cart } = shop();
    const seen: unknown[] = [];
    attach({
      target: `${lastModule()}#Cart.prototype.checkout`,
      after: (ctx) => {
        seen.push(ctx.result);
        ctx.replaceResult(`${ctx.result}!`);
      },
    });
    const cart = new Cart('ann');
    cart.add('a', 5);
    const p = cart.checkout(async () => true);
    assert.ok(p instanceof Promise || typeof p.then === 'function');
    assert.equal(await p, 'paid 5!');
    assert.deepEqual(seen, ['paid 5']);
  });

  it('runs before a generator at the call, after when it completes', () => {
    const { Cart } = shop();
    const seen: string[] = [];
    attach({
      target: `${lastModule()}#Cart.prototype.names`,
      before: () => void seen.push('before'),
      after: (ctx) => void seen.push(`after ${String(ctx.result)}`),
    });
    const cart = new Cart('ann');
    cart.add('a', 1);
    const it = cart.names();
    assert.deepEqual(seen, ['before']);
    assert.deepEqual({ ...it.next() }, { value: 'a', done: false });
    assert.deepEqual({ ...it.next() }, { value: 'end', done: true });
    assert.deepEqual(seen, ['before', 'after end']);
  });

  it('runs before a generator with a "use strict" directive at its first next()', () => {
    const ctx = runPrepared('function* strict(n) { "use strict"; yield n; } this.strict = strict;', 'gen');
    const entry = functions(`${lastModule()}#strict`)[0]!;
    assert.equal(entry.prepared, 'in-place-generator');
    const seen: string[] = [];
    attach({
      target: `${lastModule()}#strict`,
      before: (c) => {
        seen.push('before');
        c.replaceArgs(7);
      },
    });
    const it = ctx.strict(1);
    assert.deepEqual(seen, []);
    assert.equal(it.next().value, 7);
    assert.deepEqual(seen, ['before']);
  });
});

describe('control point onThrow', () => {
  it('sees the error and by default lets it propagate unchanged', () => {
    const { Cart } = shop();
    const seen: unknown[] = [];
    attach({ target: `${lastModule()}#Cart.prototype.add`, onThrow: (ctx) => void seen.push(ctx.error) });
    const cart = new Cart('ann');
    let thrown: unknown;
    try {
      cart.add('x', -1);
    } catch (e) {
      thrown = e;
    }
    // The error comes from the vm realm: compare by name and message.
    assert.equal((thrown as Error).name, 'RangeError');
    assert.equal((thrown as Error).message, 'negative price');
    assert.deepEqual(seen, [thrown]);
  });

  it('recovers with a result', () => {
    const { Cart } = shop();
    attach({ target: `${lastModule()}#Cart.prototype.add`, onThrow: (ctx) => ctx.recover(0) });
    assert.equal(new Cart('ann').add('x', -1), 0);
  });

  it('replaces the error', () => {
    const { Cart } = shop();
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      onThrow: (ctx) => ctx.rethrow(new TypeError(`wrapped: ${(ctx.error as Error).message}`)),
    });
    assert.throws(() => new Cart('ann').add('x', -1), { name: 'TypeError', message: 'wrapped: negative price' });
  });

  it('sees an async rejection and can recover from it', async () => {
    const { Cart } = shop();
    const seen: unknown[] = [];
    attach({
      target: `${lastModule()}#Cart.prototype.checkout`,
      onThrow: (ctx) => {
        seen.push((ctx.error as Error).message);
        ctx.recover('later');
      },
    });
    assert.equal(await new Cart('ann').checkout(async () => false), 'later');
    assert.deepEqual(seen, ['declined']);
  });

  it('carries per-call state from before to onThrow', () => {
    const { Cart } = shop();
    const seen: unknown[] = [];
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      before: (ctx) => {
        ctx.state.started = ctx.args[0];
      },
      onThrow: (ctx) => void seen.push(ctx.state.started),
    });
    assert.throws(() => new Cart('ann').add('late', -1));
    assert.deepEqual(seen, ['late']);
  });
});

describe('hooks cannot take the application down', () => {
  it('catches, counts and publishes a hook that throws; the call goes on', () => {
    const { Cart } = shop();
    const events: any[] = [];
    const listener = (message: unknown) => void events.push(message);
    subscribe('kheiron:hook-error', listener);
    try {
      const handle = attach({
        target: `${lastModule()}#Cart.prototype.add`,
        before: () => {
          throw new Error('buggy hook');
        },
      });
      assert.equal(new Cart('ann').add('a', 1), 1);
      assert.equal(handle.errors, 1);
      assert.equal(events.length, 1);
      assert.equal(events[0].point, 'before');
      assert.equal(events[0].function.name, 'Cart.prototype.add');
      assert.equal(events[0].error.message, 'buggy hook');
    } finally {
      unsubscribe('kheiron:hook-error', listener);
    }
  });

  it('runs prepared code called from a hook dormant (no re-entry)', () => {
    const { Cart } = shop();
    let calls = 0;
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      before: (ctx) => {
        calls++;
        if (calls < 5) (ctx.this as any).add('nested', 1);
      },
    });
    const cart = new Cart('ann');
    cart.add('outer', 1);
    assert.equal(calls, 1);
    assert.equal(cart.items.length, 2);
  });

  it('refuses an operation at the wrong control point, as a hook error', () => {
    const { Cart } = shop();
    const errors: unknown[] = [];
    attach({
      target: `${lastModule()}#Cart.prototype.add`,
      after: (ctx) => ctx.skip(1),
      onError: (e) => void errors.push(e),
    });
    assert.equal(new Cart('ann').add('a', 1), 1);
    assert.match(String(errors[0]), /skip\(\) is an operation of 'before', called in 'after' of Cart.prototype.add/);
  });
});

describe('attach and detach', () => {
  it('orders hooks by priority, then attach order', () => {
    const { Cart } = shop();
    const order: string[] = [];
    attach({ target: `${lastModule()}#Cart.prototype.add`, before: () => void order.push('a') });
    attach({ target: `${lastModule()}#Cart.prototype.add`, priority: 10, before: () => void order.push('b') });
    attach({ target: `${lastModule()}#Cart.prototype.add`, before: () => void order.push('c') });
    new Cart('ann').add('a', 1);
    assert.deepEqual(order, ['b', 'a', 'c']);
  });

  it('restores the dormant state exactly: slot false, not enumerable, hooks gone', () => {
    const ctx = shop();
    const entry = functions(`${lastModule()}#Cart.prototype.add`)[0]!;
    const slot = `__k_${entry.id.replace(':', '_')}`;
    assert.equal(ctx[slot], false);
    const handle = attach({ target: entry.name, before: () => {} });
    assert.notEqual(ctx[slot], false);
    assert.ok(handle.functions.some((f) => f.id === entry.id));
    handle.detach();
    assert.equal(ctx[slot], false);
    assert.equal(Object.getOwnPropertyDescriptor(ctx, slot)!.enumerable, false);
    assert.equal(Object.keys(ctx).includes(slot), false);
    assert.equal(handle.active, false);
    assert.equal(attachments().includes(handle), false);
    const seen: unknown[] = [];
    attach({ target: `${lastModule()}#Cart.prototype.add`, before: () => void seen.push(1) }).detach();
    new ctx.Cart('x').add('a', 1);
    assert.deepEqual(seen, []);
  });

  it('applies to modules loaded after the attach', () => {
    const seen: string[] = [];
    const handle = attach({ target: '**#later.prototype.run', before: (ctx) => void seen.push(ctx.entry.name) });
    const ctx = runPrepared('class later { run() { return 1; } } this.later = later;', 'pending');
    assert.equal(new ctx.later().run(), 1);
    assert.deepEqual(seen, ['later.prototype.run']);
    assert.equal(handle.functions.length, 1);
  });

  it('accepts a predicate over registry entries', () => {
    const { Cart } = shop();
    const seen: string[] = [];
    const module = functions(`${lastModule()}#Cart.of`)[0]!.module;
    attach({
      target: (e) => e.module === module && e.kind === 'getter',
      before: (ctx) => void seen.push(ctx.entry.name),
    });
    const c = Cart.of('x');
    void c.total;
    assert.deepEqual(seen, ['get Cart.prototype.total']);
  });

  it('rejects bad options with a message that says what is wrong', () => {
    assert.throws(() => attach({ target: '', before: () => {} }), /attach\(\) target must be a non-empty string/);
    assert.throws(
      () => attach({ target: 'x' } as never),
      /needs at least one of 'before', 'around', 'after', 'onThrow'/,
    );
    assert.throws(() => attach({ target: 'x', before: 42 } as never), /option 'before' must be a function, got number/);
    assert.throws(() => attach({ target: 'a.js#', before: () => {} }), /empty function name pattern/);
  });
});

describe('ctx.invoke runs the original again', () => {
  it('runs a top-level function and a method of a named class again, without the hooks for that call', () => {
    const ctx = runPrepared(
      'let n = 0; function flaky(x) { n++; if (n % 2) throw new Error("odd " + n); return x * n; }\n' +
        'class Svc { constructor() { this.calls = 0; } load(k) { this.calls++; if (this.calls < 3) throw new Error("busy"); return k + this.calls; } }\n' +
        'const anon = [(x) => x][0]; this.flaky = flaky; this.Svc = Svc; this.anon = anon;',
      'invoke',
    );
    const module = lastModule();
    assert.equal(functions(`${module}#flaky`)[0]!.reinvocable, true);
    assert.equal(functions(`${module}#Svc.prototype.load`)[0]!.reinvocable, true);
    let hookCalls = 0;
    attach({
      target: `${module}#*`,
      onThrow: (c) => {
        hookCalls++;
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            c.recover(c.invoke());
            return;
          } catch {
            // try again
          }
        }
      },
    });
    assert.equal(ctx.flaky(10), 20);
    const svc = new ctx.Svc();
    assert.equal(svc.load('k'), 'k3');
    assert.equal(hookCalls, 2);
  });

  it('says clearly when a function cannot be run again', () => {
    // An anonymous arrow over two lines: no name to reach it by, no one-line body to copy.
    const ctx = runPrepared('const list = [(x) => {\n return x * 2; }]; this.f = list[0];', 'noinvoke');
    const errors: unknown[] = [];
    attach({ target: `${lastModule()}#**`, before: (c) => c.invoke(), onError: (e) => void errors.push(e) });
    assert.equal(ctx.f(2), 4);
    assert.match(String(errors[0]), /cannot be run again: the engine has no reference to it/);
  });
});

describe('registry', () => {
  it('lists functions with their metadata and filters by glob', () => {
    shop();
    const all = functions(`${lastModule()}#**`);
    const names = all.map((f) => f.name);
    for (const n of [
      'Cart.constructor',
      'Cart.prototype.add',
      'get Cart.prototype.total',
      'set Cart.prototype.discount',
      'Cart.of',
      'Cart.prototype.checkout',
      'Cart.prototype.names',
      'Special.constructor',
      'twice',
      'sloppy',
    ]) {
      assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    }
    const checkout = all.find((f) => f.name === 'Cart.prototype.checkout')!;
    assert.equal(checkout.async, true);
    assert.equal(checkout.kind, 'method');
    assert.equal(checkout.line, 8);
    assert.equal(all.find((f) => f.name === 'Cart.of')!.static, true);
    assert.deepEqual(
      functions(`${lastModule()}#Cart.prototype.*`)
        .map((f) => f.name)
        .sort(),
      ['Cart.prototype.add', 'Cart.prototype.checkout', 'Cart.prototype.names'],
    );
    assert.deepEqual(
      functions(`${lastModule()}#{Cart.of,twice}`)
        .map((f) => f.name)
        .sort(),
      ['Cart.of', 'twice'],
    );
    assert.throws(() => functions('Cart.{of'), /glob 'Cart\.\{of' has an unclosed '\{'/);
  });

  it('prepared code runs in any realm: one registry, slots per realm', () => {
    const source = 'function ping() { return "pong"; } this.ping = ping;';
    const filename = `/virtual/realms-${process.pid}.js`;
    const { code } = prepare(source, { filename, sourceType: 'script' });
    const a = vm.createContext({});
    const b = vm.createContext({});
    installRuntime(a);
    installRuntime(b);
    vm.runInContext(code, a);
    vm.runInContext(code, b);
    assert.equal(functions(`${filename}#ping`).length, 1);
    const seen: number[] = [];
    attach({ target: `${filename}#ping`, after: (ctx) => ctx.replaceResult(`${ctx.result}${seen.push(1)}`) });
    assert.equal((a as any).ping(), 'pong1');
    assert.equal((b as any).ping(), 'pong2');
  });
});

// Types: a wrong signature of a hook is a compile error.
export const typed: (ctx: CallContext<{ n: number }, [number], string>) => void = (ctx) =>
  ctx.replaceResult(String(ctx.this.n + ctx.args[0]));
