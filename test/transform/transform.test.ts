// The transform (src/transform): Phase I metadata for every function form, line
// preservation, source maps (alone and composed with TypeScript's), validity and behaviour
// of the prepared code, determinism, and errors.
import assert from 'node:assert/strict';
import { SourceMap as NodeSourceMap } from 'node:module';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import ts from 'typescript';
import { attach, installRuntime } from '../../src/runtime/internal.js';
import {
  prepare,
  PrepareError,
  modulePrefix,
  type FunctionInfo,
  type PrepareResult,
  type SourceMap,
  type SourceType,
} from '../../src/transform/index.js';

// ---------------------------------------------------------------------------------------
// Helpers

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

function lineCount(text: string): number {
  return text.split(LINE_BREAK).length;
}

/** 1-based line and column of `offset` in `text`, computed without a parser. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of 1-based (line, 0-based column) in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let current = 1;
  let i = 0;
  while (current < line) {
    const m = LINE_BREAK.exec(text.slice(i));
    if (!m) throw new Error(`no line ${line}`);
    i += m.index + m[0].length;
    current++;
  }
  return i + column;
}

/** Position of the only occurrence of `needle` in `text`, moved right by `shift` characters. */
function at(text: string, needle: string, shift = 0): { line: number; column: number } {
  const first = text.indexOf(needle);
  assert.ok(first >= 0, `fixture lacks ${JSON.stringify(needle)}`);
  assert.equal(text.indexOf(needle, first + 1), -1, `fixture has ${JSON.stringify(needle)} twice`);
  return lineColumn(text, first + shift);
}

interface Tok {
  label: string;
  raw: string;
  start: number;
  end: number;
  line: number;
  /** 0-based */
  column: number;
}

function tokens(code: string, sourceType: SourceType): Tok[] {
  const out: Tok[] = [];
  const tokenizer = acorn.tokenizer(code, {
    ecmaVersion: 'latest',
    sourceType: sourceType === 'module' ? 'module' : 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: sourceType === 'commonjs',
    locations: true,
  });
  for (const t of tokenizer) {
    out.push({
      label: t.type.label,
      raw: code.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      line: t.loc!.start.line,
      column: t.loc!.start.column,
    });
  }
  return out;
}

function parses(code: string, sourceType: SourceType): void {
  acorn.parse(code, {
    ecmaVersion: 'latest',
    sourceType: sourceType === 'module' ? 'module' : 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: sourceType === 'commonjs',
  });
}

/** Every mapping of `map`, keyed by original position `line:column` (1-based line, 0-based column). */
function mappingsByOriginal(map: SourceMap): Map<string, { line: number; column: number; source: string | null }[]> {
  const byOriginal = new Map<string, { line: number; column: number; source: string | null }[]>();
  eachMapping(new TraceMap(map as never), (m) => {
    if (m.originalLine == null) return;
    const key = `${m.originalLine}:${m.originalColumn}`;
    const list = byOriginal.get(key) ?? [];
    // A repeated segment (same place, same origin) is not a second mapping.
    if (list.some((g) => g.line === m.generatedLine && g.column === m.generatedColumn)) return;
    list.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source });
    byOriginal.set(key, list);
  });
  return byOriginal;
}

let programCounter = 0;
function uniqueFile(stem: string): string {
  return `/virtual/${stem}-${++programCounter}.js`;
}

// ---------------------------------------------------------------------------------------
// Sources shared by the line, source map and validity tests

const SAMPLES: { label: string; sourceType: SourceType; source: string }[] = [
  {
    label: 'multi-line template literals with functions inside',
    sourceType: 'module',
    source: [
      'export const greet = (who) => `hello',
      '${who}, ${(() => { return "inner"; })()}',
      '  ${[1, 2].map(function (n) { return n * 2; }).join(`,',
      '`)}',
      'bye`;',
      'const tagged = String.raw`a\\nb${(x) => x}`; function after() { return tagged; }',
    ].join('\n'),
  },
  {
    label: 'comments everywhere',
    sourceType: 'script',
    source: [
      '/* leading',
      '   block */ function commented(/* a */ a, // trailing',
      '  b /* b */) { // open',
      '  /* inside */ return /* arg */ a + b; // after',
      '} // close',
      'var arrow = (x) => /* body */ x // end',
      '  * 2;',
    ].join('\n'),
  },
  {
    label: 'regex literals and division',
    sourceType: 'script',
    source: [
      'function matches(s) { return /a\\/b+[/}]c/gi.test(s) ? /x/ : 10 / 2 / 5; }',
      'var divide = (a, b) => a / b / /2/.source.length;',
      'function slash() { if (/}/.test("}")) { return "}"; } return /\\/*/; }',
    ].join('\n'),
  },
  {
    label: 'ASI-sensitive returns',
    sourceType: 'script',
    source: [
      'function asi() { return',
      '  42; }',
      'function bare() { if (Math) return',
      '}',
      'function paren() { return (',
      '  1 +',
      '  2',
      ') }',
      'var concise = () =>',
      '  ({ a: 1 })',
      '[0]',
      'var noSemicolon = function () { return 1 }',
      '(function iife() { return 2 })',
    ].join('\n'),
  },
  {
    label: 'hashbang and "use strict" directive',
    sourceType: 'script',
    source: [
      '#!/usr/bin/env node',
      '"use strict";',
      'function strictFn(a) { "use strict"; return a; }',
      'var g = () => "use strict";',
    ].join('\n'),
  },
  {
    label: 'hashbang in a module',
    sourceType: 'module',
    source: ['#!/usr/bin/env node', 'export function main(argv) { return argv.length; }'].join('\n'),
  },
  {
    label: 'CRLF line endings',
    sourceType: 'commonjs',
    source: [
      '"use strict";',
      'const sum = (a, b) => {',
      '  return a + b;',
      '};',
      'module.exports = function twice(x) { return sum(x, x); };',
      'if (!module) return;',
      'exports.late = class { get v() { return 1; } };',
    ].join('\r\n'),
  },
  {
    label: 'classes, generators, async and nesting',
    sourceType: 'module',
    source: [
      'export default class Queue extends Array {',
      '  #n = 0; static of = (...xs) => new Queue(...xs);',
      '  constructor(...xs) { super(...xs); this.#n = xs.length; }',
      '  async *drain() { while (this.length) { yield await this.shift(); } return this.#n; }',
      '  get count() { return this.#n; } set count(v) { this.#n = v; }',
      '  *[Symbol.iterator]() { yield* super[Symbol.iterator](); }',
      '}',
      'export const nest = (a) => (b) => (c) => { return a + b + c; };',
      'export async function go() { for await (const x of Queue.of(1).drain()) { return x; } }',
    ].join('\n'),
  },
  {
    label: 'empty bodies and generator parameter lists',
    sourceType: 'script',
    source: [
      'function empty() {}',
      'function* g(a, /* ) */ b',
      '  , c,) { yield a; }',
      'var o = { *m() {}, async *n(x = () => {}) { yield x; }, get e() {} };',
      'class C { constructor() {} static *[Symbol.iterator]() {} }',
    ].join('\n'),
  },
  {
    label: 'unicode line separators inside strings and comments',
    sourceType: 'script',
    source: 'var s = "a\u2028b"; // c\u2029d\nfunction u() { return s; }\u2028var t = () => 1;',
  },
];

// ---------------------------------------------------------------------------------------

describe('Phase I metadata', () => {
  const forms = [
    '/** @kheiron-safe */',
    'export function declared(a, b) { return a + b; }',
    'export const expr = function (x) { return x; };',
    'const named = function inner(x, y) { return x + y; };',
    'const obj = {};',
    'obj.prop = function () { return 1; };',
    "obj['weird key'] = function () { return 2; };",
    'function withDefault(cb = function () { return 4; }, fn = () => 5) { return cb() + fn(); }',
    'const { picked = () => 6 } = {};',
    'const arrowBlock = (a, b) => { return a * b; };',
    'const arrowExpr = a => a + 1;',
    'async function asyncFn() { return await 1; }',
    'function* gen() { yield 1; }',
    'async function* agen(a) { yield a; }',
    'const asyncArrow = async (x) => x;',
    'class LruCache {',
    '  #map = new Map();',
    '  onEvict = (key) => { this.#map.delete(key); };',
    '  static create = () => new LruCache(1);',
    '  constructor(limit) { this.limit = limit; this.cb = function () { return limit; }; }',
    '  // @kheiron-safe: reads only',
    '  get size() { return this.#map.size; }',
    "  set size(v) { throw new Error('read-only'); }",
    '  #evict() { return this.#map.keys().next().value; }',
    '  static of(...items) { return new LruCache(items.length); }',
    '  static async load(url) { return url; }',
    '  async *entries() { yield* this.#map; }',
    '  *[Symbol.iterator]() { yield* this.#map; }',
    '  static #secret() { return 1; }',
    '  get #hidden() { return 1; }',
    '}',
    'const shapes = {',
    '  area() { return 1; },',
    "  get label() { return 'n'; },",
    '  set label(v) { this.n = v; },',
    '  async fetch() { return 1; },',
    '  *items() { yield 1; },',
    '  async *stream() { yield 1; },',
    '  handler: function () { return 1; },',
    '  arrow: () => 1,',
    '  nested: { deep() { return 1; } },',
    '  [Symbol.toPrimitive](hint) { return 1; },',
    "  'quoted-key'() { return 1; },",
    '  42() { return 1; },',
    '};',
    'function makeAdder(x) {',
    '  return (y) => x + y;',
    '}',
    'function outer() {',
    '  function innerDecl() { return 1; }',
    '  const cb = function () { return 22; };',
    '  [1].map(function (v) { return v; });',
    '  class Local { m() { return 1; } }',
    '  return innerDecl;',
    '}',
    'const Anon = class { method() { return 1; } };',
    'const Named = class Real { method() { return 1; } };',
    '(class { m() { return 1; } });',
    'export default function () { return 1; }',
    'function* restGen(...xs) { yield xs; }',
    'function clash() { var dup = 1; function dup() { return 2; } return dup; }',
  ].join('\n');

  type Expected = Omit<
    FunctionInfo,
    'id' | 'index' | 'line' | 'column' | 'slot' | 'prepared' | 'safe' | 'static' | 'async' | 'generator' | 'reinvocable'
  > & {
    at: [string, number?];
    async?: boolean;
    generator?: boolean;
    static?: boolean;
    safe?: boolean;
    prepared?: FunctionInfo['prepared'];
  };
  const fn = (
    name: string,
    kind: FunctionInfo['kind'],
    params: number,
    at: [string, number?],
    extra: Partial<Expected> = {},
  ): Expected => ({
    name,
    kind,
    params,
    at,
    ...extra,
  });
  // A generator runs `before` at the call unless its parameters cannot take that prolog.
  const G = { generator: true } as const;
  const A = { async: true } as const;
  const E = { prepared: 'in-place-expression' } as const;
  const expected: Expected[] = [
    fn('declared', 'function', 2, ['function declared'], { safe: true }),
    fn('expr', 'function', 1, ['function (x) { return x; }']),
    fn('inner', 'function', 2, ['function inner(']),
    fn('obj.prop', 'function', 0, ['function () { return 1; };']),
    fn('obj["weird key"]', 'function', 0, ['function () { return 2; }']),
    fn('withDefault', 'function', 2, ['function withDefault']),
    fn('withDefault/cb', 'function', 0, ['function () { return 4; }']),
    fn('withDefault/fn', 'arrow', 0, ['() => 5'], E),
    fn('picked', 'arrow', 0, ['() => 6'], E),
    fn('arrowBlock', 'arrow', 2, ['(a, b) => {']),
    fn('arrowExpr', 'arrow', 1, ['a => a + 1'], E),
    fn('asyncFn', 'function', 0, ['async function asyncFn'], A),
    fn('gen', 'function', 0, ['function* gen'], G),
    fn('agen', 'function', 1, ['async function* agen'], { ...A, ...G }),
    fn('asyncArrow', 'arrow', 1, ['async (x) => x'], { ...A, ...E }),
    fn('LruCache.prototype.onEvict', 'arrow', 1, ['(key) =>']),
    fn('LruCache.create', 'arrow', 0, ['() => new LruCache(1)'], { ...E, static: true }),
    fn('LruCache.constructor', 'constructor', 1, ['constructor(', 11]),
    fn('LruCache.constructor/this.cb', 'function', 0, ['function () { return limit; }']),
    fn('get LruCache.prototype.size', 'getter', 0, ['get size(', 8], { safe: true }),
    fn('set LruCache.prototype.size', 'setter', 1, ['set size(', 8]),
    fn('LruCache.prototype.#evict', 'method', 0, ['#evict(', 6]),
    fn('LruCache.of', 'method', 1, ['of(...items)', 2], { static: true }),
    fn('LruCache.load', 'method', 1, ['load(url)', 4], { static: true, ...A }),
    fn('LruCache.prototype.entries', 'method', 0, ['entries(', 7], { ...A, ...G }),
    fn('LruCache.prototype.[Symbol.iterator]', 'method', 0, ['*[Symbol.iterator](', 18], G),
    fn('LruCache.#secret', 'method', 0, ['#secret(', 7], { static: true }),
    fn('get LruCache.prototype.#hidden', 'getter', 0, ['#hidden(', 7]),
    fn('shapes.area', 'method', 0, ['area(', 4]),
    fn('get shapes.label', 'getter', 0, ['get label(', 9]),
    fn('set shapes.label', 'setter', 1, ['set label(', 9]),
    fn('shapes.fetch', 'method', 0, ['fetch(', 5], A),
    fn('shapes.items', 'method', 0, ['items(', 5], G),
    fn('shapes.stream', 'method', 0, ['stream(', 6], { ...A, ...G }),
    fn('shapes.handler', 'function', 0, ['function () { return 1; },']),
    fn('shapes.arrow', 'arrow', 0, ['() => 1,'], E),
    fn('shapes.nested.deep', 'method', 0, ['deep(', 4]),
    fn('shapes.[Symbol.toPrimitive]', 'method', 1, ['(hint)']),
    fn('shapes.quoted-key', 'method', 0, ["'quoted-key'(", 12]),
    fn('shapes.42', 'method', 0, ['42(', 2]),
    fn('makeAdder', 'function', 1, ['function makeAdder']),
    fn('makeAdder/<arrow>@47:10', 'arrow', 1, ['(y) =>'], E),
    fn('outer', 'function', 0, ['function outer']),
    fn('outer/innerDecl', 'function', 0, ['function innerDecl']),
    fn('outer/cb', 'function', 0, ['function () { return 22; }']),
    fn('outer/<anonymous>@52:11', 'function', 1, ['function (v)']),
    fn('outer/Local.prototype.m', 'method', 0, ['Local { m(', 'Local { m'.length]),
    fn('Anon.prototype.method', 'method', 0, ['method() { return 1; } };\nconst Named', 6]),
    fn('Real.prototype.method', 'method', 0, ['method() { return 1; } };\n(class', 6]),
    fn('<class>@58:2.prototype.m', 'method', 0, ['m() { return 1; } });', 1]),
    fn('default', 'function', 0, ['export default function', 'export default '.length]),
    fn('restGen', 'function', 1, ['function* restGen'], { generator: true, prepared: 'in-place-generator' }),
    fn('clash', 'function', 0, ['function clash'], { prepared: 'in-place-no-catch' }),
    fn('clash/dup', 'function', 0, ['function dup']),
  ];

  const filename = '/app/src/forms.js';
  // How Phase II prepared each function, in source order: a small one-line body gets a
  // shadow, a constructor of a named class re-enters, the rest are prepared in place.
  const PREPARED_AS: FunctionInfo['prepared'][] = [
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'in-place',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'in-place',
    'in-place',
    'in-place',
    'in-place-expression',
    'shadow',
    'shadow',
    'reentry',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'in-place',
    'in-place',
    'in-place',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'in-place',
    'in-place',
    'in-place',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'in-place',
    'shadow',
    'in-place',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'shadow',
    'in-place-generator',
    'in-place-no-catch',
    'shadow',
  ];
  const result = prepare(forms, { filename, sourceType: 'module' });

  test('finds every function, in source order', () => {
    assert.deepEqual(
      result.functions.map((f) => f.name),
      expected.map((e) => e.name),
    );
  });

  for (const [index, e] of expected.entries()) {
    test(`${e.name}`, () => {
      const actual = result.functions[index];
      assert.ok(actual, `function ${index} missing`);
      const { line, column } = at(forms, e.at[0], e.at[1] ?? 0);
      assert.deepEqual(
        {
          name: actual.name,
          kind: actual.kind,
          async: actual.async,
          generator: actual.generator,
          static: actual.static,
          safe: actual.safe,
          params: actual.params,
          line: actual.line,
          column: actual.column,
          prepared: actual.prepared,
        },
        {
          name: e.name,
          kind: e.kind,
          async: e.async ?? false,
          generator: e.generator ?? false,
          static: e.static ?? false,
          safe: e.safe ?? false,
          params: e.params,
          line,
          column,
          prepared: PREPARED_AS[index],
        },
      );
    });
  }

  test('ids are <prefix>:<index>, indices count from 0, slots are named after the prefix', () => {
    assert.match(result.prefix, /^[0-9a-z]{9}$/);
    assert.equal(result.prefix, modulePrefix(filename));
    result.functions.forEach((f, i) => {
      assert.equal(f.index, i);
      assert.equal(f.id, `${result.prefix}:${i}`);
      assert.match(f.slot, /^[A-Za-z_$][\w$]*$/);
      assert.ok(result.code.includes(f.slot), `slot ${f.slot} is not used by the prepared code`);
    });
    assert.equal(new Set(result.functions.map((f) => f.slot)).size, result.functions.length);
  });

  test('functions are listed by position of their start', () => {
    for (let i = 1; i < result.functions.length; i++) {
      const a = result.functions[i - 1]!;
      const b = result.functions[i]!;
      assert.ok(a.line < b.line || (a.line === b.line && a.column < b.column), `${a.name} listed before ${b.name}`);
    }
  });

  test('position in the name of an anonymous function is its line:column', () => {
    for (const f of result.functions) {
      const m = /@(\d+):(\d+)(?:\/|\.|$)/.exec(f.name);
      if (!m || f.name.startsWith('<class>')) continue;
      if (!/<(arrow|anonymous)>@\d+:\d+$/.test(f.name)) continue;
      assert.equal(`${m[1]}:${m[2]}`, `${f.line}:${f.column}`, f.name);
    }
  });

  test('column of methods, accessors and arrows is the one V8 reports as the function location', async () => {
    // V8's [[FunctionLocation]] is where the parameter list starts. For methods, accessors and
    // arrows the registry reports the same place; for \`function\` declarations and expressions
    // it reports the \`function\` (or \`async\`) keyword instead, so they are not compared here.
    const inspector = await import('node:inspector');
    const session = new inspector.Session();
    session.connect();
    const post = <T>(method: string, params: object): Promise<T> =>
      new Promise((resolve, reject) =>
        session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))),
      );
    try {
      const src = [
        'class K {',
        '  method(a) { return a; }',
        '  get size() { return 1; }',
        '  static async *gen() { yield 1; }',
        '}',
        'const o = { m() { return 1; } };',
        '[K.prototype.method, Object.getOwnPropertyDescriptor(K.prototype, "size").get, K.gen, o.m, (x) => x, async (y) => y]',
      ].join('\n');
      const fns = vm.runInNewContext(src) as Function[];
      const info = prepare(src, { filename: uniqueFile('v8loc'), sourceType: 'script' }).functions;
      assert.equal(info.length, fns.length);
      (globalThis as Record<string, unknown>).__kheironTestFns = fns;
      for (let i = 0; i < fns.length; i++) {
        const { result: r } = await post<{ result: { objectId: string } }>('Runtime.evaluate', {
          expression: `__kheironTestFns[${i}]`,
        });
        const { internalProperties } = await post<{
          internalProperties: { name: string; value: { value: { lineNumber: number; columnNumber: number } } }[];
        }>('Runtime.getProperties', { objectId: r.objectId, ownProperties: true });
        const loc = internalProperties.find((p) => p.name === '[[FunctionLocation]]')!.value.value;
        assert.deepEqual(
          { line: info[i]!.line, column: info[i]!.column },
          { line: loc.lineNumber + 1, column: loc.columnNumber + 1 },
          info[i]!.name,
        );
      }
    } finally {
      delete (globalThis as Record<string, unknown>).__kheironTestFns;
      session.disconnect();
    }
  });

  test('CommonJS assignment targets and default values name their functions', () => {
    const src = [
      'module.exports = function () { return 1; };',
      'exports.helper = (a) => a;',
      'module.exports.Thing = class { run() { return 2; } };',
      'function opts({ onDone = () => 3 } = {}) { return onDone; }',
      'let later; later = async function* () { yield 1; };',
    ].join('\n');
    const { functions } = prepare(src, { filename: '/app/lib.cjs', sourceType: 'commonjs' });
    assert.deepEqual(
      functions.map((f) => [f.name, f.kind, f.async, f.generator]),
      [
        ['module.exports', 'function', false, false],
        ['exports.helper', 'arrow', false, false],
        ['module.exports.Thing.prototype.run', 'method', false, false],
        ['opts', 'function', false, false],
        ['opts/onDone', 'arrow', false, false],
        ['later', 'function', true, true],
      ],
    );
  });

  test('a constructor re-enters with defaulted parameters, unless a default captures its frame', () => {
    const src = [
      'class A { constructor(x = 0, y = x * 2, ...rest) { this.x = x; } }',
      'class B { constructor(read = () => this.v) { this.read = read; } }',
      'class C { constructor(kind = new.target.name) { this.kind = kind; } }',
      'class D { constructor({ x } = {}) { this.x = x; } }',
    ].join('\n');
    const { functions } = prepare(src, { filename: '/app/ctors.js', sourceType: 'module' });
    assert.deepEqual(
      functions.filter((f) => f.kind === 'constructor').map((f) => [f.name, f.prepared]),
      [
        ['A.constructor', 'reentry'],
        ['B.constructor', 'in-place'],
        ['C.constructor', 'in-place'],
        ['D.constructor', 'in-place'],
      ],
    );
  });

  test('@kheiron-safe counts only in the comment that leads the function', () => {
    const src = [
      '// @kheiron-safe',
      'function lineTagged() { return 1; }',
      '/* @kheiron-safe */ const arrowTagged = () => 2;',
      '/**',
      ' * Reads only.',
      ' * @kheiron-safe',
      ' */',
      'export async function docTagged() { return 3; }',
      '/* @kheiron-safe */ let gap = 0; function afterCode() { return 4; }',
      '/* @kheiron-safe */',
      '/* a later comment */',
      'function notLast() { return 5; }',
      '// @kheiron-safe',
      'function outerTagged() { function innerUntagged() { return 6; } return innerUntagged; }',
      'class Svc {',
      '  /* @kheiron-safe */ static check() { return 7; }',
      '  plain() { return 8; }',
      '}',
      '// kheiron-safe without the at sign',
      'function noAt() { return 9; }',
    ].join('\n');
    const { functions } = prepare(src, { filename: '/app/safe.js', sourceType: 'module' });
    assert.deepEqual(
      functions.map((f) => [f.name, f.safe]),
      [
        ['lineTagged', true],
        ['arrowTagged', true],
        ['docTagged', true],
        ['afterCode', false],
        ['notLast', false],
        ['outerTagged', true],
        ['outerTagged/innerUntagged', false],
        ['Svc.check', true],
        ['Svc.prototype.plain', false],
        ['noAt', false],
      ],
    );
  });

  test('the registry entries emitted into the code match the returned metadata', () => {
    // The prologue is an `import "data:..."` carrying `__kheiron.m(json)`.
    const m = /^import "data:text\/javascript;base64,([A-Za-z0-9+/=]+)";/.exec(result.code);
    assert.ok(m, 'module prologue not found at the start of the code');
    const call = Buffer.from(m[1]!, 'base64').toString('utf8');
    const json = /^__kheiron\.m\((".*")\);$/.exec(call);
    assert.ok(json, call);
    const emitted = JSON.parse(JSON.parse(json[1]!) as string) as {
      prefix: string;
      module: string;
      functions: unknown[][];
    };
    assert.equal(emitted.prefix, result.prefix);
    assert.equal(emitted.module, filename);
    assert.deepEqual(
      emitted.functions.map((f) => [f[0], f[3], f[4], f[5]]),
      result.functions.map((f) => [f.name, f.params, f.line, f.column]),
    );
  });
});

// ---------------------------------------------------------------------------------------

describe('line preservation', () => {
  for (const sample of SAMPLES) {
    test(sample.label, () => {
      const { code, functions } = prepare(sample.source, {
        filename: uniqueFile('lines'),
        sourceType: sample.sourceType,
      });
      assert.ok(functions.length > 0, 'sample has functions');
      assert.notEqual(code, sample.source, 'functions were prepared');
      assert.equal(lineCount(code), lineCount(sample.source), 'number of lines');
      // Same line terminators, in the same order.
      assert.deepEqual(code.match(/\r\n|[\n\r\u2028\u2029]/g), sample.source.match(/\r\n|[\n\r\u2028\u2029]/g));
      // Per line, the input's tokens are a subsequence of the output's tokens.
      const byLine = (toks: Tok[]): Map<number, Tok[]> => {
        const m = new Map<number, Tok[]>();
        for (const t of toks) m.set(t.line, [...(m.get(t.line) ?? []), t]);
        return m;
      };
      const inLines = byLine(tokens(sample.source, sample.sourceType));
      const outLines = byLine(tokens(code, sample.sourceType));
      for (const [line, inToks] of inLines) {
        const outToks = outLines.get(line) ?? [];
        let j = 0;
        for (const t of inToks) {
          while (j < outToks.length && (outToks[j]!.raw !== t.raw || outToks[j]!.label !== t.label)) j++;
          assert.ok(
            j < outToks.length,
            `line ${line}: token ${JSON.stringify(t.raw)} (column ${t.column + 1}) is not on that line of the output`,
          );
          j++;
        }
      }
    });
  }

  test('a hashbang stays the first line, byte for byte', () => {
    for (const sourceType of ['module', 'script', 'commonjs'] as const) {
      const source = '#!/usr/bin/env node\r\nfunction main() { return 1; }\r\n';
      const { code } = prepare(source, { filename: uniqueFile('hashbang'), sourceType });
      assert.ok(code.startsWith('#!/usr/bin/env node\r\n'), `${sourceType}: ${JSON.stringify(code.slice(0, 40))}`);
      parses(code, sourceType);
    }
  });

  test('"use strict" stays the directive of the script and of the function', () => {
    const source = "'use strict'\nfunction f() {\n  'use strict'\n  return this;\n}\n";
    const { code } = prepare(source, { filename: uniqueFile('directive'), sourceType: 'script' });
    const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as {
      body: { directive?: string; type: string; body?: { body: { directive?: string }[] } }[];
    };
    assert.equal(ast.body[0]!.directive, 'use strict');
    const f = ast.body.find((s) => s.type === 'FunctionDeclaration')!;
    assert.equal(f.body!.body[0]!.directive, 'use strict');
    assert.equal(vm.runInNewContext(code + ';f()', withRuntime({})), undefined);
  });
});

// ---------------------------------------------------------------------------------------

describe('source map', () => {
  function checkMap(source: string, sourceType: SourceType, result: PrepareResult, filename: string): void {
    const { code, map } = result;
    assert.equal(map.version, 3);
    assert.deepEqual(map.sources, [filename]);
    assert.deepEqual(map.sourcesContent, [source]);
    const byOriginal = mappingsByOriginal(map);
    const nodeMap = new NodeSourceMap(map as never);
    const allToks = tokens(source, sourceType);
    const starts = new Set(allToks.map((t) => `${t.line}:${t.column}`));
    for (const key of byOriginal.keys())
      assert.ok(starts.has(key), `mapping to ${key}, which is not the start of a token`);
    let previous = -1;
    // Acorn reports an empty template chunk where the closing backquote starts; such a
    // zero-width token shares its position with the next one.
    const inToks = allToks.filter((t) => t.end > t.start);
    for (const [i, t] of inToks.entries()) {
      const generated = byOriginal.get(`${t.line}:${t.column}`) ?? [];
      assert.equal(
        generated.length,
        1,
        `token ${JSON.stringify(t.raw)} at ${t.line}:${t.column + 1} has ${generated.length} mappings`,
      );
      const g = generated[0]!;
      assert.equal(g.line, t.line, `token ${JSON.stringify(t.raw)} moved from line ${t.line} to ${g.line}`);
      const offset = offsetOf(code, g.line, g.column);
      assert.equal(
        code.slice(offset, offset + t.raw.length),
        t.raw,
        `output at ${g.line}:${g.column + 1} is not ${JSON.stringify(t.raw)}`,
      );
      assert.ok(offset > previous, 'tokens keep their order');
      // What separated this token from the next one in the input is still there after it.
      const next = inToks[i + 1];
      if (next) {
        const gap = source.slice(t.end, next.start);
        const nextG = byOriginal.get(`${next.line}:${next.column}`)?.[0];
        if (nextG) {
          const between = code.slice(offset + t.raw.length, offsetOf(code, nextG.line, nextG.column));
          assert.ok(
            between.includes(gap),
            `text between ${JSON.stringify(t.raw)} and ${JSON.stringify(next.raw)} lost ${JSON.stringify(gap)}`,
          );
        }
      }
      previous = offset;
      // Node's own source map reader, asked at the output position, answers the input position.
      const entry = nodeMap.findEntry(g.line - 1, g.column) as {
        generatedLine?: number;
        generatedColumn?: number;
        originalLine?: number;
        originalColumn?: number;
        originalSource?: string;
      };
      assert.deepEqual(
        [entry.generatedLine, entry.generatedColumn, entry.originalLine, entry.originalColumn],
        [g.line - 1, g.column, t.line - 1, t.column],
        `node's SourceMap at ${g.line}:${g.column + 1}`,
      );
      assert.ok(entry.originalSource?.endsWith(filename.slice(1)), String(entry.originalSource));
    }
  }

  for (const sample of SAMPLES) {
    test(`every input token maps back exactly: ${sample.label}`, () => {
      const filename = uniqueFile('map');
      const result = prepare(sample.source, { filename, sourceType: sample.sourceType });
      checkMap(sample.source, sample.sourceType, result, filename);
    });
  }

  test('a source without functions maps every token to itself', () => {
    const source = 'const a = 1;\nlet b = a + 2; // c\n/* d */ export { a, b };\n';
    const filename = uniqueFile('nofn');
    const result = prepare(source, { filename, sourceType: 'module' });
    assert.equal(result.code, source);
    checkMap(source, 'module', result, filename);
  });

  test('the map is computed once', () => {
    const result = prepare('function f() { return 1; }', { filename: uniqueFile('once'), sourceType: 'script' });
    assert.equal(result.map, result.map);
  });

  describe('composed with a TypeScript source map', () => {
    const tsSource = [
      'interface Entry<V> {',
      '  value: V;',
      '  at: number;',
      '}',
      '',
      'export class LruCache<K, V> {',
      '  private map = new Map<K, Entry<V>>();',
      '  constructor(private readonly limit: number) {}',
      '  get(key: K): V | undefined {',
      '    const entry = this.map.get(key);',
      '    return entry?.value;',
      '  }',
      '  get size(): number { return this.map.size; }',
      '}',
      '',
      'export const evens = (xs: number[]): number[] => xs.filter((x) => x % 2 === 0);',
      'export function total(values: readonly number[]): number {',
      '  let sum: number = 0;',
      '  for (const v of values) sum += v;',
      '  return sum;',
      '}',
    ].join('\n');
    const out = ts.transpileModule(tsSource, {
      fileName: 'cache.ts',
      compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    const js = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
    const tsMap = JSON.parse(out.sourceMapText!) as SourceMap;
    const result = prepare(js, { filename: 'cache.js', sourceType: 'module', inputSourceMap: tsMap });

    test('the TypeScript output really moved lines (the test would not be vacuous)', () => {
      const jsLine = js.split('\n').findIndex((l) => l.includes('const entry')) + 1;
      const tsLine = tsSource.split('\n').findIndex((l) => l.includes('const entry')) + 1;
      assert.notEqual(jsLine, tsLine);
    });

    test('the composed map names the .ts file', () => {
      assert.deepEqual(
        result.map.sources.map((s) => s.replace(/^.*\//, '')),
        ['cache.ts'],
      );
    });

    test('identifiers of the output map to the same identifiers in the .ts source', () => {
      // For every output token that the TypeScript map covered exactly, the composed map
      // gives the same original position as the TypeScript map gave for the .js position.
      const composed = new Map<string, { line: number; column: number }>();
      eachMapping(new TraceMap(result.map as never), (m) => {
        if (m.originalLine != null)
          composed.set(`${m.generatedLine}:${m.generatedColumn}`, { line: m.originalLine, column: m.originalColumn });
      });
      const direct = new Map<string, { line: number; column: number }>();
      eachMapping(new TraceMap(tsMap as never), (m) => {
        if (m.originalLine != null)
          direct.set(`${m.generatedLine}:${m.generatedColumn}`, { line: m.originalLine, column: m.originalColumn });
      });
      const jsToks = tokens(js, 'module');
      const outToks = tokens(result.code, 'module');
      const tsLines = tsSource.split('\n');
      let identifiers = 0;
      // Pair the .js tokens with their places in the output through the prepared code's map alone.
      const plain = prepare(js, { filename: 'cache.js', sourceType: 'module' });
      const placeOf = mappingsByOriginal(plain.map);
      for (const t of jsToks) {
        const place = placeOf.get(`${t.line}:${t.column}`)?.[0];
        assert.ok(place, `no place for ${t.raw}`);
        const outTok = outToks.find((o) => o.line === place.line && o.column === place.column);
        assert.equal(outTok?.raw, t.raw);
        const want = direct.get(`${t.line}:${t.column}`);
        if (!want) continue;
        assert.deepEqual(composed.get(`${place.line}:${place.column}`), want, `${t.raw} at ${t.line}:${t.column + 1}`);
        if (t.label === 'name') {
          identifiers++;
          assert.equal(
            tsLines[want.line - 1]!.slice(want.column, want.column + t.raw.length),
            t.raw,
            `${t.raw} maps to ${want.line}:${want.column + 1}`,
          );
        }
      }
      assert.ok(identifiers >= 20, `only ${identifiers} identifiers were checked`);
    });

    test('specific identifiers land on their .ts line and column', () => {
      const trace = new TraceMap(result.map as never);
      const find = (needle: string, tsNeedle: string): void => {
        const outTok = tokens(result.code, 'module').find(
          (t) => t.raw === needle && result.code.slice(t.start, t.start + 40).startsWith(tsNeedle),
        );
        assert.ok(outTok, `${tsNeedle} not in output`);
        let found: { line: number; column: number } | undefined;
        eachMapping(trace, (m) => {
          if (m.generatedLine === outTok.line && m.generatedColumn === outTok.column && m.originalLine != null)
            found = { line: m.originalLine, column: m.originalColumn + 1 };
        });
        assert.deepEqual(found, at(tsSource, tsNeedle), tsNeedle);
      };
      find('entry', 'entry?.value');
      find('total', 'total(values');
      find('sum', 'sum += v');
      find('xs', 'xs.filter(');
    });

    test('registry positions are those of the .ts source', () => {
      const byName = new Map(result.functions.map((f) => [f.name, f]));
      const lineOf = (needle: string): number => at(tsSource, needle).line;
      assert.equal(byName.get('LruCache.constructor')?.line, lineOf('constructor('));
      assert.deepEqual(pick(byName.get('LruCache.prototype.get')), at(tsSource, '  get(key', 5));
      assert.deepEqual(pick(byName.get('get LruCache.prototype.size')), at(tsSource, 'size()', 4));
      assert.deepEqual(pick(byName.get('evens')), at(tsSource, '(xs:'));
      // TypeScript's map has no segment at `function` (only at the space before it), so only
      // the line is exact there, as for the constructor.
      assert.equal(byName.get('total')?.line, lineOf('function total'));
    });

    test('the position in the name of an anonymous function agrees with its registry position', () => {
      const anonymous = result.functions.filter((f) => /<arrow>@\d+:\d+$/.test(f.name));
      assert.equal(anonymous.length, 1);
      const f = anonymous[0]!;
      assert.deepEqual(pick(f), at(tsSource, '(x) =>'));
      assert.equal(f.name, `evens/<arrow>@${f.line}:${f.column}`);
    });
  });
});

function pick(f: FunctionInfo | undefined): { line: number; column: number } | undefined {
  return f && { line: f.line, column: f.column };
}

// ---------------------------------------------------------------------------------------

function withRuntime(sandbox: object): vm.Context {
  const context = vm.createContext(sandbox);
  installRuntime(context);
  return context;
}

interface Run {
  log: string[];
  error?: string;
}

async function runScript(code: string, filename: string, sourceType: 'script' | 'commonjs'): Promise<Run> {
  const log: string[] = [];
  const context = withRuntime({ console: { log: (...args: unknown[]) => log.push(args.map(String).join(' ')) } });
  try {
    let value: unknown;
    if (sourceType === 'script') {
      value = new vm.Script(code, { filename }).runInContext(context);
    } else {
      const module = { exports: {} as Record<string, unknown> };
      const require = (id: string): unknown => (id === 'helper' ? (x: number) => x + 1 : undefined);
      const fn = vm.compileFunction(code, ['exports', 'require', 'module'], { parsingContext: context, filename });
      value = fn(module.exports, require, module);
    }
    await value;
    await (context as { done?: Promise<unknown> }).done;
  } catch (error) {
    return { log, error: String(error) };
  }
  return { log };
}

const PROGRAMS: { label: string; sourceType: 'script' | 'commonjs'; lines: number; source: string }[] = [
  {
    label: 'language features (sloppy script)',
    sourceType: 'script',
    lines: 24,
    source: [
      'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }',
      "console.log('fib', fib(10));",
      "function sloppyArgs(a, b) { arguments[0] = 'changed'; return [a, arguments.length].join(); }",
      "console.log('args', sloppyArgs(1, 2, 3));",
      'function defaults(a, b = a + 1, { c, d = [c, b] } = { c: 3 }, ...rest) { return JSON.stringify([a, b, c, d, rest]); }',
      "console.log('defaults', defaults(1), defaults(1, 5, { c: 7 }, 8, 9), defaults.length);",
      "function Ctor() { if (!new.target) return 'called'; this.made = true; }",
      "console.log('new.target', Ctor(), new Ctor().made);",
      "class Base { constructor(x) { this.x = x; } describe() { return 'base ' + this.x; } static kind() { return 'Base'; } }",
      'class Derived extends Base {',
      '  field = () => this.x * 2;',
      '  #secret = 41;',
      '  constructor(x) { super(x + 1); this.y = 1; }',
      "  describe() { return 'derived/' + super.describe(); }",
      '  #bump() { return ++this.#secret; }',
      '  get secret() { return this.#bump(); }',
      '  set secret(v) { this.#secret = v; }',
      "  static kind() { return 'Derived<' + super.kind() + '>'; }",
      '}',
      'const d = new Derived(1);',
      "console.log('class', d.describe(), d.field(), d.secret, Derived.kind(), JSON.stringify(d));",
      "d.secret = 10; console.log('setter', d.secret);",
      "function* counter(limit) { console.log('counter started'); for (let i = 0; i < limit; i++) yield i; return 'done'; }",
      'const it = counter(2);',
      "console.log('generator created');",
      "console.log('gen', JSON.stringify([...it]), JSON.stringify(counter(1).next()));",
      'const names = [function () { return 1; }, () => 2, function named() { return 3; }, (() => () => 4)(), (() => function () { return 5; })(), (() => class { m() { return 6; } })()];',
      "console.log('names', JSON.stringify(names.map((f) => f.name)), names.map((f) => f.length).join());",
      "var hoisted = early(); function early() { return 'hoisted'; }",
      'console.log(hoisted);',
      'function asi() { return',
      '  42; }',
      "console.log('asi', asi());",
      "function withEval(a) { var local = 'L'; return eval('local + a + arguments.length'); }",
      "console.log('eval', withEval('!'));",
      "const re = /a\\/b+c/i; function matchRe(s) { return re.test(s) ? 'match' : 'no'; }",
      "console.log('regex', matchRe('xa/bbC'), 10 / 2 / 5);",
      'const tpl = (who) => `hello',
      "${who}, ${(() => 'inner')()}",
      'bye`;',
      "console.log(tpl('you'));",
      "function thrower() { throw new Error('boom'); }",
      "try { thrower(); } catch (e) { console.log('stack line', /prog[^:]*:(\\d+)/.exec(e.stack)[1]); }",
      "const obj = { get v() { return this._v ?? 'unset'; }, set v(x) { this._v = x; }, method() { return super.toString === Object.prototype.toString; } };",
      "obj.v = 'set'; console.log('object', obj.v, obj.method());",
      "function thisSloppy() { return this === globalThis ? 'global' : typeof this; }",
      "console.log('this', thisSloppy(), thisSloppy.call(5));",
      'const adders = []; for (let i = 0; i < 3; i++) adders.push((x) => x + i);',
      "console.log('closures', adders.map((f) => f(10)).join());",
      "function finallyReturn() { try { return 'try'; } finally { console.log('finally ran'); } }",
      "console.log('finally', finallyReturn());",
      'async function asyncWork(x) { await null; return x * 2; }',
      'async function* ticks() { yield 1; await null; yield 2; }',
      'globalThis.done = (async () => {',
      '  const got = [];',
      '  for await (const t of ticks()) got.push(t);',
      "  console.log('async', await asyncWork(21), got.join());",
      "  try { await (async () => { throw new TypeError('async boom'); })(); } catch (e) { console.log('async throw', e.name, e.message); }",
      '})();',
    ].join('\n'),
  },
  {
    label: 'strict script with hashbang and CRLF',
    sourceType: 'script',
    lines: 4,
    source: [
      '#!/usr/bin/env node',
      "'use strict';",
      'function strictThis() { return this === undefined; }',
      "console.log('strict', strictThis());",
      'function unmapped(a) { arguments[0] = 9; return a; }',
      "console.log('unmapped', unmapped(1));",
      "try { (function () { undeclared = 1; })(); } catch (e) { console.log('strict assign', e.name); }",
      "function stack() { return new Error('here').stack.split('\\n')[1].replace(/^.*prog[^:]*:(\\d+):\\d+\\)?$/, '$1'); }",
      "console.log('line', stack());",
    ].join('\r\n'),
  },
  {
    label: 'CommonJS module with top-level return',
    sourceType: 'commonjs',
    lines: 1,
    source: [
      "'use strict';",
      "const helper = require('helper');",
      'exports.add = (a, b) => a + b;',
      'module.exports.twice = function (x) { return helper(x) * 2; };',
      'if (exports.add(1, 2) !== 3) return;',
      "console.log('cjs', exports.add(2, 3), module.exports.twice(4), module.exports.twice.name);",
      'return;',
      "console.log('unreachable');",
    ].join('\n'),
  },
];

describe('output validity', () => {
  for (const sample of SAMPLES) {
    test(`parses: ${sample.label}`, () => {
      const { code } = prepare(sample.source, { filename: uniqueFile('valid'), sourceType: sample.sourceType });
      parses(sample.source, sample.sourceType);
      parses(code, sample.sourceType);
    });
  }

  for (const program of PROGRAMS) {
    test(`runs like the original: ${program.label}`, async () => {
      const filename = uniqueFile('prog');
      const { code, functions } = prepare(program.source, { filename, sourceType: program.sourceType });
      assert.ok(functions.length > 0);
      const original = await runScript(program.source, filename, program.sourceType);
      assert.equal(original.error, undefined, 'the original program runs');
      assert.equal(original.log.length, program.lines, `the original program prints: ${original.log.join(' | ')}`);
      const prepared = await runScript(code, filename, program.sourceType);
      assert.deepEqual(prepared, original);
    });
  }

  test('runs like the original: ES module (imported from a data: URL)', async () => {
    installRuntime(globalThis);
    const source = [
      'const log = globalThis.__kheironModuleLog;',
      'export class Stack {',
      '  #items = [];',
      '  push(x) { this.#items.push(x); return this; }',
      '  get size() { return this.#items.length; }',
      '  static from(...xs) { const s = new Stack(); for (const x of xs) s.push(x); return s; }',
      '}',
      'export default (n) => Stack.from(n, n + 1).size;',
      'const top = await Promise.resolve(7);',
      "log.push('module', String(this), String(top), String(Stack.from(1, 2, 3).size), import.meta.url.slice(0, 5));",
    ].join('\n');
    const { code } = prepare(source, { filename: '/virtual/stack.mjs', sourceType: 'module' });
    const load = async (text: string): Promise<{ log: string[]; value: unknown }> => {
      const log: string[] = [];
      (globalThis as Record<string, unknown>).__kheironModuleLog = log;
      const ns = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as {
        default: (n: number) => number;
      };
      return { log, value: ns.default(5) };
    };
    try {
      const original = await load(source);
      assert.deepEqual(original, { log: ['module', 'undefined', '7', '3', 'data:'], value: 2 });
      assert.deepEqual(await load(code), original);
    } finally {
      delete (globalThis as Record<string, unknown>).__kheironModuleLog;
    }
  });

  test('functions with empty bodies are prepared into valid code', () => {
    const forms = [
      'function f() {}',
      'var g = function () {};',
      'var h = () => {};',
      'class A { constructor() {} m() {} static s() {} get x() {} set x(v) {} #p() {} }',
      'var o = { m() {}, get y() {}, set y(v) {}, async a() {}, *g() {} };',
      'function* gen() {}',
      'async function af() {}',
      'function strict() {"use strict"}',
      'a(() => {});',
    ];
    const failures: string[] = [];
    for (const form of forms) {
      const { code } = prepare(form, { filename: uniqueFile('empty'), sourceType: 'script' });
      try {
        new vm.Script(code);
      } catch (error) {
        failures.push(`${form}  ->  ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('functions with empty bodies still behave', async () => {
    const source = [
      'function noop() {}',
      'class K { constructor() {} m() {} }',
      "console.log('empty', noop(), typeof new K(), new K().m(), (() => {})(), noop.length, noop.name);",
    ].join('\n');
    const filename = uniqueFile('empty-run');
    const { code } = prepare(source, { filename, sourceType: 'script' });
    assert.deepEqual(await runScript(code, filename, 'script'), {
      log: ['empty undefined object undefined undefined 0 noop'],
    });
  });

  /** Runs each `[program, expected output]` plain and prepared; lists the programs that differ. */
  async function differences(cases: [string, string][]): Promise<string[]> {
    const failures: string[] = [];
    for (const [source, expected] of cases) {
      const filename = uniqueFile('case');
      const original = await runScript(source, filename, 'script');
      assert.deepEqual(original, { log: expected.split('\n') }, `original: ${source}`);
      const { code } = prepare(source, { filename, sourceType: 'script' });
      const prepared = await runScript(code, filename, 'script');
      if (prepared.error !== undefined || prepared.log.join('\n') !== expected) {
        failures.push(`${source}  ->  ${prepared.error ?? prepared.log.join(' | ')}`);
      }
    }
    return failures;
  }

  test('declarations at the top of a function body keep function scope', async () => {
    // Each is valid (sloppy) JavaScript; a body that became a block would reject or change them.
    const cases: [string, string][] = [
      ['function f() { var a = 1; function a() {} return typeof a; }', 'number'],
      ['function f() { function* a() {} function a() { return 1; } return a(); }', '1'],
      ['function f() { async function a() {} function a() { return 2; } return a(); }', '2'],
      ['function f() { eval("var g = 3"); function g() {} return g; }', '3'],
      ['function f(g) { function g() {} return typeof arguments[0]; }', 'function'],
      ['function f() { "use strict"; function a() { return 1; } function a() { return 4; } return a(); }', '4'],
    ];
    assert.deepEqual(await differences(cases.map(([src, out]) => [`${src}\nconsole.log(f(5));`, out])), []);
  });

  test('generators keep their parameters, arguments and lazy start', async () => {
    const cases: [string, string][] = [
      ['function* g(a, a) { yield a; }\nconsole.log([...g(1, 2)].join(), g.length);', '2 2'],
      ['function* g(a) { eval("arguments[0] = 9"); yield a; }\nconsole.log([...g(1)].join());', '9'],
      ['function* g(a) { arguments[0] = 8; yield a; }\nconsole.log([...g(1)].join());', '8'],
      [
        "function* g(a, b = a + 1) { console.log('body'); yield a + b; }\nconst it = g(1); console.log('created', g.length); console.log(it.next().value);",
        'created 1\nbody\n3',
      ],
      [
        'var o = { *m(a, b,) { yield this === o; yield a + b; } };\nconsole.log([...o.m(1, 2)].join(), o.m.length);',
        'true,3 2',
      ],
      [
        'async function* g(x) { yield x; }\nglobalThis.done = g(4).next().then((r) => console.log(r.value, g.length));',
        '4 1',
      ],
      ['function* g(x) { "use strict"; yield this; }\nconsole.log(String(g(1).next().value));', 'undefined'],
    ];
    assert.deepEqual(await differences(cases), []);
  });

  test('every return site reports to an attached `after` control point', () => {
    const source = [
      'function bare(){return}',
      'function spaced() { return }',
      'function semi() { return; }',
      'function value() { return 1 }',
      'function tight(){return(2)}',
      'function asiReturn() { return',
      '  3 }',
      'function branch(x) { if (x) return; return 4 }',
      'function fallOff() { 5 }',
      'var concise = () => 6;',
      'var inner = (() => () => 7)();',
      'class Box { constructor() { this.v = 8; return } get v2() {return this.v} }',
    ].join('\n');
    const filename = uniqueFile('returns');
    const { code, functions } = prepare(source, { filename, sourceType: 'script' });
    const context = withRuntime({});
    new vm.Script(code, { filename }).runInContext(context);
    const seen: [string, unknown][] = [];
    const handle = attach({
      target: (entry) => entry.module === filename,
      after(ctx) {
        seen.push([ctx.entry.name, ctx.result]);
      },
    });
    const calls: [string, string, unknown][] = [
      ['bare()', 'bare', undefined],
      ['spaced()', 'spaced', undefined],
      ['semi()', 'semi', undefined],
      ['value()', 'value', 1],
      ['tight()', 'tight', 2],
      ['asiReturn()', 'asiReturn', undefined],
      ['branch(true)', 'branch', undefined],
      ['branch(false)', 'branch', 4],
      ['fallOff()', 'fallOff', undefined],
      ['concise()', 'concise', 6],
      ['inner()', '<arrow>@11:14/<arrow>@11:20', 7],
      ['new Box().v2', 'get Box.prototype.v2', 8],
    ];
    const failures: string[] = [];
    try {
      assert.equal(handle.functions.length, functions.length);
      for (const [call, name, result] of calls) {
        seen.length = 0;
        const returned = vm.runInContext(call, context) as unknown;
        assert.equal(returned, result, `${call} returned ${String(returned)}`);
        const own = seen.filter(([n]) => n === name);
        if (own.length !== 1 || own[0]![1] !== result)
          failures.push(`${call}: after saw ${JSON.stringify(own.map(([, r]) => String(r)))}`);
      }
    } finally {
      handle.detach();
    }
    assert.deepEqual(failures, []);
  });
});

// ---------------------------------------------------------------------------------------

describe('determinism and purity', () => {
  const source = SAMPLES.filter((s) => s.sourceType === 'module' && !s.source.startsWith('#!'))
    .map((s) => s.source)
    .join('\n;\n');

  test('the same input gives the same output', () => {
    const a = prepare(source, { filename: '/app/same.js', sourceType: 'module' });
    const b = prepare(source, { filename: '/app/same.js', sourceType: 'module' });
    assert.equal(a.code, b.code);
    assert.deepEqual(a.map, b.map);
    assert.deepEqual(a.functions, b.functions);
    assert.equal(a.prefix, b.prefix);
  });

  test('the input options are not modified', () => {
    const inputSourceMap: SourceMap = { version: 3, sources: ['x.ts'], names: [], mappings: 'AAAA' };
    const options = { filename: '/app/opts.js', sourceType: 'module' as const, inputSourceMap };
    const copy = structuredClone(options);
    void prepare('export const f = () => 1;', options).map;
    assert.deepEqual(options, copy);
  });

  test('the prefix depends on the filename only', () => {
    const a = prepare('function a() { return 1; }', { filename: '/app/one.js', sourceType: 'script' });
    const b = prepare('const b = () => 2; const c = () => 3;', { filename: '/app/one.js', sourceType: 'module' });
    const c = prepare('function a() { return 1; }', { filename: '/app/two.js', sourceType: 'script' });
    const d = prepare('', { filename: '/app/one.js' });
    assert.equal(a.prefix, b.prefix);
    assert.equal(a.prefix, d.prefix);
    assert.notEqual(a.prefix, c.prefix);
    assert.equal(a.prefix, modulePrefix('/app/one.js'));
    assert.equal(a.functions[0]!.id, `${a.prefix}:0`);
    assert.equal(c.functions[0]!.id, `${c.prefix}:0`);
    assert.notEqual(a.code, c.code);
    assert.equal(
      a.code.replaceAll(a.prefix, 'P'),
      c.code.replaceAll(c.prefix, 'P').replace('/app/two.js', '/app/one.js'),
    );
  });

  test('prefixes of many filenames do not collide', () => {
    const prefixes = new Set<string>();
    for (let i = 0; i < 5000; i++) prefixes.add(modulePrefix(`/app/src/module-${i}.js`));
    assert.equal(prefixes.size, 5000);
  });
});

// ---------------------------------------------------------------------------------------

describe('errors and trivial input', () => {
  test('a syntax error names file, line and column', () => {
    const source = 'const a = 1;\nfunction f() {\n  return a +;\n}\n';
    assert.throws(
      () => prepare(source, { filename: '/app/broken.js', sourceType: 'module' }),
      (error: unknown) => {
        assert.ok(error instanceof PrepareError);
        assert.ok(error instanceof SyntaxError);
        assert.equal(error.name, 'PrepareError');
        assert.equal(error.filename, '/app/broken.js');
        assert.equal(error.line, 3);
        assert.equal(error.column, 13);
        assert.match(error.message, /^\/app\/broken\.js:3:13: \S/);
        assert.doesNotMatch(error.message, /\(\d+:\d+\)$/);
        return true;
      },
    );
  });

  test('the source type decides what parses', () => {
    const importing = "import x from 'y';\nexport const f = () => x;";
    assert.equal(prepare(importing, { filename: '/app/m.js', sourceType: 'module' }).functions.length, 1);
    assert.throws(
      () => prepare(importing, { filename: '/app/s.js', sourceType: 'script' }),
      (e: unknown) => e instanceof PrepareError && e.line === 1 && e.column === 1,
    );
    const topReturn = 'if (x) return;\nfunction f() { return 1; }';
    assert.equal(prepare(topReturn, { filename: '/app/c.js', sourceType: 'commonjs' }).functions.length, 1);
    assert.throws(
      () => prepare(topReturn, { filename: '/app/s.js', sourceType: 'script' }),
      (e: unknown) => e instanceof PrepareError && e.line === 1 && e.column === 8,
    );
    assert.throws(() => prepare(topReturn, { filename: '/app/m.js', sourceType: 'module' }), PrepareError);
  });

  test('an unterminated construct at the end of the file is located', () => {
    assert.throws(
      () => prepare('function f() {\n  return `x', { filename: 'rel/path.js', sourceType: 'script' }),
      (e: unknown) => e instanceof PrepareError && e.message.startsWith('rel/path.js:2:') && e.line === 2,
    );
  });

  test('an empty file comes back unchanged', () => {
    for (const sourceType of ['module', 'script', 'commonjs'] as const) {
      const result = prepare('', { filename: '/app/empty.js', sourceType });
      assert.equal(result.code, '');
      assert.deepEqual(result.functions, []);
      assert.equal(result.map.version, 3);
      assert.equal(result.map.mappings, '');
    }
  });

  test('a file without functions comes back unchanged', () => {
    const sources: [string, SourceType][] = [
      ['#!/usr/bin/env node\n"use strict";\nconst x = { a: 1, b: [2, `t${3}`] };\nconsole.log(x);\n', 'script'],
      ["import fs from 'node:fs';\nexport const data = fs.readFileSync;\nexport default class {}\n", 'module'],
      ['// only a comment\r\n/* and another */\r\n', 'commonjs'],
      ['  \n\n\t', 'script'],
    ];
    for (const [source, sourceType] of sources) {
      const result = prepare(source, { filename: '/app/plain.js', sourceType });
      assert.equal(result.code, source);
      assert.deepEqual(result.functions, []);
    }
  });
});

describe('positions of functions', () => {
  test("line and column of every function are acorn's, whatever the line breaks", () => {
    const source =
      'function a() {}\r\nconst b = () => 1;\rfunction c() {}\u2028const d = function () {};\u2029 class E { m() {} }\n\t  const f = (x) => x;\r\n';
    const expected: [number, number][] = [];
    const ast = acorn.parse(source, { ecmaVersion: 'latest', locations: true });
    const walk = (node: any): void => {
      if (!node || typeof node.type !== 'string') return;
      if (/Function/.test(node.type)) expected.push([node.loc.start.line, node.loc.start.column + 1]);
      for (const value of Object.values(node))
        (Array.isArray(value) ? value : [value]).forEach((v) => v && typeof v === 'object' && walk(v));
    };
    walk(ast);
    const { functions } = prepare(source, { filename: 'lines.js', sourceType: 'script' });
    assert.deepEqual(
      functions.map((f) => [f.line, f.column]),
      expected,
    );
  });
});
