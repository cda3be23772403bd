import { FUNCTION_KINDS, type FunctionEntry, type FunctionKind } from '../emitted.js';
import { unknownOption } from './did-you-mean.js';
import { OptionError } from './errors.js';

/**
 * Which functions a rule, a hook or a listing applies to: a string `[moduleGlob#]nameGlob`,
 * the fields of registry entries, or a predicate over them.
 */
export type Selector = string | SelectorFields | ((entry: FunctionEntry) => boolean);

export interface SelectorFields {
  /** Glob over the module's path; a relative glob matches the end of the path. */
  readonly module?: string;
  /** Glob over qualified names: `*` within one level, `**` across levels. */
  readonly name: string;
  readonly kind?: FunctionKind | readonly FunctionKind[];
  readonly async?: boolean;
  readonly generator?: boolean;
}

const FIELDS = ['module', 'name', 'kind', 'async', 'generator'];

/**
 * Compiles a selector into a predicate over registry entries; a bad one throws a TypeError
 * that says what is wrong. In a string, `*` matches within one nesting level of a name (no
 * `/`), `**` matches anything and `{a,b}` either; a module glob that is not absolute matches
 * the end of the module's path (`src/cache.js` matches `/app/src/cache.js`). The `#` of a
 * private name (`LruCache.prototype.#evict`) follows a `.` and is not a separator.
 */
export function compileSelector(selector: Selector, where = 'target'): (entry: FunctionEntry) => boolean {
  if (typeof selector === 'function') return selector;
  if (typeof selector === 'string') return compileString(selector, where);
  if (selector === null || typeof selector !== 'object') {
    throw new OptionError(
      `kheiron: ${where} must be a string, a selector object or a function, got ${describe(selector)}`,
    );
  }
  return compileFields(selector, where);
}

function compileString(target: string, where: string): (entry: FunctionEntry) => boolean {
  if (target.trim() === '')
    throw new OptionError(
      `kheiron: ${where} must be a non-empty string, a selector object or a function, got ${describe(target)}`,
    );
  const split = separatorIndex(target);
  const moduleGlob = split < 0 ? undefined : target.slice(0, split);
  const nameGlob = split < 0 ? target : target.slice(split + 1);
  if (nameGlob === '')
    throw new OptionError(`kheiron: ${where} '${target}' has an empty function name pattern after '#'`);
  const name = compileGlob(nameGlob);
  if (moduleGlob === undefined) return (entry) => name.test(entry.name);
  const module = compileGlob(
    moduleGlob.startsWith('/') || moduleGlob.startsWith('*') ? moduleGlob : `**/${moduleGlob}`,
  );
  return (entry) => name.test(entry.name) && module.test(entry.module);
}

function compileFields(selector: SelectorFields, where: string): (entry: FunctionEntry) => boolean {
  const fail = (problem: string): never => {
    throw new OptionError(`kheiron: ${problem}`);
  };
  for (const key of Object.keys(selector))
    if (!FIELDS.includes(key)) fail(unknownOption(key, FIELDS, 'selector field'));
  if (typeof selector.name !== 'string' || selector.name === '')
    fail("selector 'name' must be a non-empty glob string");
  if (selector.module !== undefined && (typeof selector.module !== 'string' || selector.module === ''))
    fail("selector 'module' must be a non-empty glob string");
  const kinds = selector.kind === undefined ? undefined : ([] as string[]).concat(selector.kind as string | string[]);
  for (const k of kinds ?? [])
    if (!(FUNCTION_KINDS as readonly string[]).includes(k))
      fail(`selector 'kind' '${k}' is not one of ${FUNCTION_KINDS.join(', ')}`);
  for (const flag of ['async', 'generator'] as const) {
    if (selector[flag] !== undefined && typeof selector[flag] !== 'boolean')
      fail(`selector '${flag}' must be true or false`);
  }
  const byName = compileString(selector.module ? `${selector.module}#${selector.name}` : selector.name, where);
  return (entry) =>
    byName(entry) &&
    (kinds === undefined || kinds.includes(entry.kind)) &&
    (selector.async === undefined || entry.async === selector.async) &&
    (selector.generator === undefined || entry.generator === selector.generator);
}

function separatorIndex(target: string): number {
  for (let i = 1; i < target.length; i++) {
    if (target[i] === '#' && target[i - 1] !== '.') return i;
  }
  return -1;
}

/** A compiled glob: `test` answers whether a whole text matches. */
export interface Glob {
  readonly source: string;
  test(text: string): boolean;
}

// The states of a glob's automaton: a character, one character but `/`, any character, a
// fork (two ways on, consuming nothing), the end.
const CHAR = 0;
const NOT_SLASH = 1;
const ANY = 2;
const FORK = 3;
const END = 4;

/**
 * `**` any characters, `*` any but `/`, `?` one character but `/`, `{a,b}` either; the rest is
 * literal. Compiled to an automaton that is run over the text once, all its states at a time
 * (no backtracking): matching takes time proportional to the text's length times the glob's,
 * whatever the glob (`'**?'.repeat(16) + '**Z'` included).
 */
export function compileGlob(glob: string): Glob {
  const top = parseGlob(glob);
  // Without braces and with one wildcard run at most, a RegExp cannot backtrack more than
  // linearly, and runs about ten times faster than the automaton.
  const simple =
    top[0]!.every((item) => item.kind !== 'alt') &&
    top[0]!.filter((item) => item.kind === 'star' || item.kind === 'globstar' || item.kind === 'dirs').length <= 1;
  if (simple) return linearRegExp(top[0]!, glob);
  // `}` and `,` outside braces are literal: parseGlob never sees them as syntax there.
  return automatonGlob(new Automaton(top[0]!), glob);
}

/** One piece of a glob: a character, `?`, `*`, `**`, `**` and a slash, or a brace group's alternatives. */
type Item =
  | { kind: 'char'; code: number }
  | { kind: 'one' }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'dirs' }
  | { kind: 'alt'; options: Item[][] };

/** The glob's items (one list: a top level has no alternatives). */
function parseGlob(glob: string): Item[][] {
  let i = 0;
  // Parses from glob[i] to the end, or to the `}` that closes a brace group, with its alternatives.
  const parse = (inBraces: boolean): Item[][] => {
    const options: Item[][] = [[]];
    for (; i < glob.length; i++) {
      const c = glob[i]!;
      const items = options[options.length - 1]!;
      if (c === '{') {
        i++;
        items.push({ kind: 'alt', options: parse(true) });
      } else if (c === '}' && inBraces) {
        return options;
      } else if (c === ',' && inBraces) {
        options.push([]);
      } else if (c === '*') {
        items.push(stars(glob, i));
        while (glob[i + 1] === '*') i++;
        if (items[items.length - 1]!.kind === 'dirs') i++;
      } else if (c === '?') items.push({ kind: 'one' });
      else items.push({ kind: 'char', code: c.charCodeAt(0) });
    }
    if (inBraces) throw new OptionError(`kheiron: glob '${glob}' has an unclosed '{'`);
    return options;
  };
  return parse(false);
}

// The run of `*` at glob[at]: `*`, `**`, or `**/` (which also matches nothing, so `**/a.js`
// matches `a.js`).
function stars(glob: string, at: number): Item {
  if (glob[at + 1] !== '*') return { kind: 'star' };
  let end = at + 1;
  while (glob[end + 1] === '*') end++;
  return glob[end + 1] === '/' ? { kind: 'dirs' } : { kind: 'globstar' };
}

/** The states of a glob's automaton, built from its end; `start` is where a match begins. */
class Automaton {
  readonly kinds: number[] = [];
  readonly chars: number[] = [];
  readonly next: number[] = [];
  readonly other: number[] = [];
  readonly start: number;

  constructor(items: Item[]) {
    this.start = this.build(items, this.state(END));
  }

  private state(kind: number, char = -1, to = -1, alt = -1): number {
    this.kinds.push(kind);
    this.chars.push(char);
    this.next.push(to);
    this.other.push(alt);
    return this.kinds.length - 1;
  }

  private build(items: Item[], to: number): number {
    for (let k = items.length - 1; k >= 0; k--) {
      const item = items[k]!;
      if (item.kind === 'char') to = this.state(CHAR, item.code, to);
      else if (item.kind === 'one') to = this.state(NOT_SLASH, -1, to);
      else if (item.kind === 'star' || item.kind === 'globstar') {
        const fork = this.state(FORK, -1, -1, to);
        this.next[fork] = this.state(item.kind === 'star' ? NOT_SLASH : ANY, -1, fork);
        to = fork;
      } else if (item.kind === 'dirs') {
        // (?:.*/)?
        const slash = this.state(CHAR, 47, to);
        const loop = this.state(FORK, -1, -1, slash);
        this.next[loop] = this.state(ANY, -1, loop);
        to = this.state(FORK, -1, loop, to);
      } else {
        const starts = item.options.map((option) => this.build(option, to));
        let start = starts[starts.length - 1]!;
        for (let o = starts.length - 2; o >= 0; o--) start = this.state(FORK, -1, starts[o]!, start);
        to = start;
      }
    }
    return to;
  }
}

/** Runs the automaton over a text with all its states at a time. */
function automatonGlob({ kinds, chars, next, other, start }: Automaton, glob: string): Glob {
  const count = kinds.length;
  const mark = new Int32Array(count).fill(-1);
  let current = new Int32Array(count);
  let following = new Int32Array(count);
  const stack = new Int32Array(count);
  // Adds `s` and what it reaches without consuming a character to `set`.
  const add = (set: Int32Array, size: number, s: number, generation: number): number => {
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const t = stack[--top]!;
      if (mark[t] === generation) continue;
      mark[t] = generation;
      if (kinds[t] === FORK) {
        stack[top++] = other[t]!;
        stack[top++] = next[t]!;
      } else set[size++] = t;
    }
    return size;
  };
  let generation = 0;
  return {
    source: glob,
    test(text: string): boolean {
      if (generation > 0x3fff_ffff - text.length) {
        mark.fill(-1);
        generation = 0;
      }
      let size = add(current, 0, start, ++generation);
      for (let p = 0; p < text.length && size > 0; p++) {
        const code = text.charCodeAt(p);
        const gen = ++generation;
        let nextSize = 0;
        for (let k = 0; k < size; k++) {
          const t = current[k]!;
          const kind = kinds[t];
          if (kind === ANY || (kind === NOT_SLASH && code !== 47) || (kind === CHAR && chars[t] === code))
            nextSize = add(following, nextSize, next[t]!, gen);
        }
        const swap = current;
        current = following;
        following = swap;
        size = nextSize;
      }
      for (let k = 0; k < size; k++) if (kinds[current[k]!] === END) return true;
      return false;
    },
  };
}

function linearRegExp(items: readonly { kind: string; code?: number }[], glob: string): Glob {
  let re = '';
  for (const item of items) {
    if (item.kind === 'char') re += String.fromCharCode(item.code!).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (item.kind === 'one') re += '[^/]';
    else if (item.kind === 'star') re += '[^/]*';
    else if (item.kind === 'globstar') re += '[\\s\\S]*';
    else re += '(?:[\\s\\S]*/)?';
  }
  const regExp = new RegExp(`^${re}$`);
  return { source: glob, test: (text) => regExp.test(text) };
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'string' ? `'${value}'` : typeof value;
}
