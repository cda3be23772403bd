import type { Rule, Selector } from '../rules.js';
import { callerOrigin } from '../origin.js';
import { unknownOption } from '../../runtime/internal.js';
import { OptionError } from '../errors.js';

let counter = 0;

/**
 * The catalogue's default priorities (higher runs first at each control point; the others
 * have 0), so that entries on one function compose whichever was attached first: state is
 * restored before anything runs the body again, retries have their turn before a fallback
 * recovers, observe sees the outcome the caller gets, and an injected fault stands nearest
 * the body. A `priority` option overrides.
 */
export const PRIORITY = { restore: 100, recover: -100, observe: -1000, fault: Number.MIN_SAFE_INTEGER } as const;

/** What every catalogue entry also takes, as a rule does: passed on to the rule it returns. */
export interface RuleOptions {
  readonly id?: string;
  readonly priority?: number;
  readonly maxFailures?: number;
  readonly maxFailureRate?: number;
  readonly budgetMs?: number;
  readonly interrupt?: boolean;
}

export const RULE_OPTIONS = ['id', 'priority', 'maxFailures', 'maxFailureRate', 'budgetMs', 'interrupt'] as const;

/**
 * Checks a catalogue entry's options, as a rule's are checked: an unknown key (a misspelling)
 * is an error naming the entry, the option and the options it knows.
 */
export function checkOptions(kind: string, options: unknown, known: readonly string[], what = 'option'): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new OptionError(
      `kheiron: ${kind}() options must be an object, got ` +
        `${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
    );
  for (const key of Object.keys(options))
    if (!known.includes(key)) throw new OptionError(`kheiron: ${kind}(): ${unknownOption(key, known, what)}`);
}

/**
 * Fills in what every catalogue rule shares: an id (unless given), the origin, the target,
 * and the rule options given to the entry. `known`: the entry's own options.
 */
export function catalogueRule<R extends Omit<Rule, 'id' | 'target' | 'origin'>>(
  kind: string,
  target: Selector,
  options: RuleOptions | undefined,
  known: readonly string[],
  rule: R,
): Rule {
  checkOptions(kind, options, [...known, ...RULE_OPTIONS]);
  const id =
    options?.id ?? `${kind}:${typeof target === 'string' ? target : (target as { name?: unknown })?.name}#${++counter}`;
  const passed: Record<string, unknown> = {};
  for (const key of RULE_OPTIONS) if (key !== 'id' && options?.[key] !== undefined) passed[key] = options[key];
  return { id, target, origin: callerOrigin(), ...passed, ...rule };
}

export function requireFunction(name: string, value: unknown, optional = true): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'function')
    throw new OptionError(`kheiron: ${name} must be a function, got ${value === null ? 'null' : typeof value}`);
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function requirePositive(name: string, value: unknown, integer = false): void {
  if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new OptionError(
      `kheiron: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`,
    );
  }
}
