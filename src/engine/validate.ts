import { compileTarget, type FunctionEntry } from '../runtime/internal.js';
import { RuleError } from './errors.js';
import type { Rule, Selector } from './rules.js';

const KINDS = ['function', 'arrow', 'method', 'getter', 'setter', 'constructor'];
const RULE_KEYS = new Set(['id', 'target', 'priority', 'maxFailures', 'maxFailureRate', 'budgetMs', 'interrupt', 'invokes', 'before', 'around', 'after', 'onThrow', 'origin']);
const SELECTOR_KEYS = new Set(['module', 'name', 'kind', 'async', 'generator']);
const POINTS = ['before', 'around', 'after', 'onThrow'] as const;

/**
 * Checks every part of a rule; throws RuleError at the first problem. Returns its predicate.
 * `taken`: ids of rules attached already; `inSet`: the rules before it in the same set;
 * `where`: where a rule was written, as errors name it (looked up only for an error).
 */
export function validateRule(
  rule: Rule,
  taken: ReadonlySet<string>,
  where: (rule: Rule) => string | undefined = (r) => r?.origin,
  inSet?: ReadonlyMap<string, Rule>,
  setName?: string,
): (entry: FunctionEntry) => boolean {
  if (rule === null || typeof rule !== 'object') throw new RuleError('?', where(rule), `expected a rule object, got ${rule === null ? 'null' : typeof rule}`);
  const id = typeof rule.id === 'string' && rule.id !== '' ? rule.id : undefined;
  const fail = (problem: string): never => {
    throw new RuleError(id ?? '?', where(rule), problem);
  };
  if (!id) fail(`'id' must be a non-empty string, got ${JSON.stringify(rule.id)}`);
  const twin = inSet?.get(id!);
  if (twin) {
    const other = where(twin);
    fail(`another rule of ${setName ? `set '${setName}'` : 'this set'} has this id${other && other !== where(rule) ? ` (${other})` : ''}`);
  }
  if (taken.has(id!)) fail('another attached rule has this id');
  for (const key of Object.keys(rule)) if (!RULE_KEYS.has(key)) fail(unknownOption(key, [...RULE_KEYS].filter((k) => k !== 'origin')));
  for (const point of POINTS) if (rule[point] !== undefined && typeof rule[point] !== 'function') fail(`'${point}' must be a function, got ${typeof rule[point]}`);
  if (!POINTS.some((p) => rule[p])) fail("a rule needs at least one control point: 'before', 'around', 'after' or 'onThrow'");
  if (rule.priority !== undefined && !Number.isFinite(rule.priority)) fail(`'priority' must be a finite number, got ${String(rule.priority)}`);
  if (rule.maxFailures !== undefined && !(Number.isInteger(rule.maxFailures) && rule.maxFailures > 0)) fail(`'maxFailures' must be a positive integer, got ${String(rule.maxFailures)}`);
  if (rule.maxFailureRate !== undefined && !(typeof rule.maxFailureRate === 'number' && rule.maxFailureRate > 0 && rule.maxFailureRate <= 1)) fail(`'maxFailureRate' must be a number above 0 and at most 1, got ${String(rule.maxFailureRate)}`);
  if (rule.budgetMs !== undefined && !(typeof rule.budgetMs === 'number' && rule.budgetMs > 0)) fail(`'budgetMs' must be a positive number, got ${String(rule.budgetMs)}`);
  if (rule.interrupt === true && rule.around !== undefined) fail("'interrupt' cannot apply to 'around': the body runs inside it, and would be interrupted with it");
  for (const flag of ['interrupt', 'invokes'] as const) if (rule[flag] !== undefined && typeof rule[flag] !== 'boolean') fail(`'${flag}' must be true or false, got ${String(rule[flag])}`);
  return compileSelector(rule.target, fail);
}

export function compileSelector(selector: Selector, fail: (problem: string) => never): (entry: FunctionEntry) => boolean {
  if (typeof selector === 'string') {
    try {
      return compileTarget(selector, 'target');
    } catch (error) {
      return fail((error as Error).message.replace(/^kheiron: /, ''));
    }
  }
  if (selector === null || typeof selector !== 'object') return fail(`'target' must be a string or a selector object, got ${selector === null ? 'null' : typeof selector}`);
  for (const key of Object.keys(selector)) if (!SELECTOR_KEYS.has(key)) fail(unknownOption(key, [...SELECTOR_KEYS], 'selector field'));
  if (typeof selector.name !== 'string' || selector.name === '') fail("selector 'name' must be a non-empty glob string");
  if (selector.module !== undefined && (typeof selector.module !== 'string' || selector.module === '')) fail("selector 'module' must be a non-empty glob string");
  const kinds = selector.kind === undefined ? undefined : ([] as string[]).concat(selector.kind as string | string[]);
  for (const k of kinds ?? []) if (!KINDS.includes(k)) fail(`selector 'kind' '${k}' is not one of ${KINDS.join(', ')}`);
  for (const flag of ['async', 'generator'] as const) {
    if (selector[flag] !== undefined && typeof selector[flag] !== 'boolean') fail(`selector '${flag}' must be true or false`);
  }
  const byName = compileSelector(selector.module ? `${selector.module}#${selector.name}` : selector.name, fail);
  return (entry) =>
    byName(entry) &&
    (kinds === undefined || kinds.includes(entry.kind)) &&
    (selector.async === undefined || entry.async === selector.async) &&
    (selector.generator === undefined || entry.generator === selector.generator);
}

/** `unknown option 'atempts' (did you mean 'attempts'?; known: ...)`. */
export function unknownOption(key: string, known: readonly string[], what = 'option'): string {
  const close = known.filter((k) => distance(k.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.floor(k.length / 4)));
  return `unknown ${what} '${key}'${close.length > 0 ? ` (did you mean '${close[0]}'?)` : ''}; known: ${known.join(', ')}`;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(prev[j]! + 1, next[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = next;
  }
  return prev[b.length]!;
}
