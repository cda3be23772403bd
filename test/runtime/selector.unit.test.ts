import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FunctionEntry } from '../../src/emitted.js';
import { compileGlob, compileSelector } from '../../src/runtime/selector.js';

/** Whether `glob` matches `text`, asserting that both ways of running a glob agree. */
function matches(glob: string, text: string): boolean {
  const result = compileGlob(glob).test(text);
  // Braces always take the automaton, and `{}` matches the empty text: the same glob, run the other way.
  assert.equal(compileGlob(`{}${glob}`).test(text), result, `'${glob}' on '${text}': automaton and RegExp differ`);
  return result;
}

const entry = (module: string, name: string): FunctionEntry => ({ module, name }) as FunctionEntry;

/** [glob, text, whether it matches], by what each row shows. */
const GLOBS: Record<string, [string, string, boolean][]> = {
  '* matches within one level, ** across levels, ? one character but /': [
    ['a*', 'abc', true],
    ['a*', 'a', true],
    ['a*', 'a/b', false],
    ['a**', 'a/b/c', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['a?c', 'ac', false],
    ['**', '', true],
  ],
  '**/ also matches no directory at all': [
    ['**/a.js', 'a.js', true],
    ['**/a.js', 'x/y/a.js', true],
    ['**/a.js', 'xa.js', false],
    ['/app/**/*.js', '/app/main.js', true],
    ['/app/**/*.js', '/app/lib/main.ts', false],
  ],
  '{a,b} matches either, nested and empty alternatives included': [
    ['{get,set}*', 'getter', true],
    ['{get,set}*', 'setter', true],
    ['{get,set}*', 'reset', false],
    ['a{b,c{d,e}}f', 'acef', true],
    ['x{,y}', 'x', true],
    ['x{,y}', 'xy', true],
  ],
  'everything else is literal: RegExp syntax, and } or , outside braces': [
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['f(x)+[y]^$|\\', 'f(x)+[y]^$|\\', true],
    ['a}b,c', 'a}b,c', true],
    ['abc', 'abcd', false],
    ['bcd', 'abcd', false],
  ],
};

describe('globs', () => {
  for (const [what, rows] of Object.entries(GLOBS)) {
    it(what, () => {
      for (const [glob, text, expected] of rows) assert.equal(matches(glob, text), expected, `'${glob}' on '${text}'`);
    });
  }

  it('refuses an unclosed brace', () => {
    assert.throws(() => compileGlob('a{b,c'), /glob 'a\{b,c' has an unclosed '\{'/);
  });

  it('matches in time linear in the text, whatever the glob', () => {
    const glob = compileGlob('**?'.repeat(16) + '**Z');
    const text = 'a'.repeat(20_000);
    const start = performance.now();
    assert.equal(glob.test(text), false);
    assert.equal(glob.test(`${text}Z`), true);
    assert.ok(performance.now() - start < 2000, `took ${performance.now() - start} ms`);
  });

  it('keeps its source', () => {
    assert.equal(compileGlob('a/**').source, 'a/**');
  });
});

describe('targets', () => {
  it('a name pattern alone matches the name in any module', () => {
    const match = compileSelector('Cart.prototype.*');
    assert.ok(match(entry('/app/cart.js', 'Cart.prototype.add')));
    assert.ok(match(entry('/other/x.mjs', 'Cart.prototype.remove')));
    assert.ok(!match(entry('/app/cart.js', 'Cart.total')));
  });

  it('a relative module glob matches the end of the path, at a / boundary', () => {
    const match = compileSelector('src/cache.js#get');
    assert.ok(match(entry('/app/src/cache.js', 'get')));
    assert.ok(!match(entry('/app/xsrc/cache.js', 'get')));
    assert.ok(!match(entry('/app/src/cache.js', 'set')));
  });

  it('an absolute module glob, or one that starts with *, is taken as it is', () => {
    assert.ok(compileSelector('/app/**#run')(entry('/app/lib/a.js', 'run')));
    assert.ok(!compileSelector('/app/**#run')(entry('/srv/app/lib/a.js', 'run')));
    assert.ok(compileSelector('**/a.js#run')(entry('/srv/a.js', 'run')));
  });

  it('reads the # of a private name as part of the name, not as the separator', () => {
    const bare = compileSelector('LruCache.prototype.#evict');
    assert.ok(bare(entry('/app/lru.js', 'LruCache.prototype.#evict')));
    const qualified = compileSelector('lru.js#LruCache.prototype.#evict');
    assert.ok(qualified(entry('/app/lru.js', 'LruCache.prototype.#evict')));
    assert.ok(!qualified(entry('/app/other.js', 'LruCache.prototype.#evict')));
    // A leading # is a name too: there is no module before it.
    assert.ok(compileSelector('#x')(entry('/app/a.js', '#x')));
  });

  it('passes a predicate through', () => {
    const predicate = (e: FunctionEntry): boolean => e.name.length === 3;
    assert.equal(compileSelector(predicate), predicate);
  });

  it('refuses what is not a selector, naming where it came from and what it got', () => {
    assert.throws(() => compileSelector('' as string, 'rule r1 target'), {
      name: 'TypeError',
      message: "kheiron: rule r1 target must be a non-empty string, a selector object or a function, got ''",
    });
    assert.throws(
      () => compileSelector(null as never),
      /target must be a string, a selector object or a function, got null/,
    );
    assert.throws(() => compileSelector(42 as never), /got number/);
    assert.throws(() => compileSelector('a.js#'), /target 'a\.js#' has an empty function name pattern after '#'/);
    assert.throws(
      () => compileSelector({ name: 'x', klass: 'C' } as never),
      /unknown selector field 'klass'; known: module, name/,
    );
    assert.throws(
      () => compileSelector({ name: 'x', kind: 'lambda' } as never),
      /selector 'kind' 'lambda' is not one of function, arrow/,
    );
  });

  it('one selector type: a string, the fields of an entry, or a predicate', () => {
    const method = {
      ...entry('/app/src/cart.js', 'Cart.prototype.add'),
      kind: 'method',
      async: false,
    } as FunctionEntry;
    const fn = { ...entry('/app/src/util.js', 'add'), kind: 'function', async: true } as FunctionEntry;
    const picks = (selector: Parameters<typeof compileSelector>[0]): string[] =>
      [method, fn].filter(compileSelector(selector)).map((e) => e.name);
    assert.deepEqual(picks('src/cart.js#Cart.prototype.*'), ['Cart.prototype.add']);
    assert.deepEqual(picks({ name: '**add', kind: 'function' }), ['add']);
    assert.deepEqual(picks({ module: 'src/*.js', name: '**', async: true }), ['add']);
    assert.deepEqual(
      picks((e) => e.kind === 'method'),
      ['Cart.prototype.add'],
    );
  });
});
