import type { FunctionEntry } from './registry.js';

/** Which functions a hook or a listing applies to. */
export type Target = string | ((entry: FunctionEntry) => boolean);

/**
 * Compiles a target into a predicate over registry entries.
 * A string is `[moduleGlob#]nameGlob`. In names, `*` matches within one nesting level (no
 * `/`), `**` matches anything and `{a,b}` either; a module glob that is not absolute matches the end of the
 * module's path (`src/cache.js` matches `/app/src/cache.js`). The `#` of a private name
 * (`LruCache.prototype.#evict`) follows a `.` and is not a separator.
 */
export function compileTarget(target: Target, where = 'target'): (entry: FunctionEntry) => boolean {
  if (typeof target === 'function') return target;
  if (typeof target !== 'string' || target.trim() === '') {
    throw new TypeError(`kheiron: ${where} must be a non-empty string or a function, got ${describe(target)}`);
  }
  const split = separatorIndex(target);
  const moduleGlob = split < 0 ? undefined : target.slice(0, split);
  const nameGlob = split < 0 ? target : target.slice(split + 1);
  if (nameGlob === '') throw new TypeError(`kheiron: ${where} '${target}' has an empty function name pattern after '#'`);
  const name = globToRegExp(nameGlob);
  if (moduleGlob === undefined) return (entry) => name.test(entry.name);
  const module = globToRegExp(moduleGlob.startsWith('/') || moduleGlob.startsWith('*') ? moduleGlob : `**/${moduleGlob}`);
  return (entry) => name.test(entry.name) && module.test(entry.module);
}

function separatorIndex(target: string): number {
  for (let i = 1; i < target.length; i++) {
    if (target[i] === '#' && target[i - 1] !== '.') return i;
  }
  return -1;
}

/** `**` any characters, `*` any but `/`, `?` one character but `/`, `{a,b}` either; the rest is literal. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        // `**/` also matches nothing, so `**/a.js` matches `a.js`
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  if (braces > 0) throw new TypeError(`kheiron: glob '${glob}' has an unclosed '{'`);
  return new RegExp(`^${re}$`);
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'string' ? `'${value}'` : typeof value;
}
