import type { Rule, RuleContext, Selector } from '../rules.js';
import {
  PRIORITY,
  RULE_OPTIONS,
  catalogueRule,
  checkOptions,
  delay,
  requireFunction,
  requirePositive,
  type RuleOptions,
} from './util.js';
import { OptionError } from '../errors.js';

const KNOWN = ['throw', 'returns', 'delay', 'times', 'every', 'probability', 'random'];

export interface InjectOptions extends RuleOptions {
  /** Throw this (an Error, or a message for one). */
  readonly throw?: unknown;
  /** Return this instead of running the call. */
  readonly returns?: unknown;
  /** Delay async calls by this many ms (the targets must then be reinvocable). */
  readonly delay?: number;
  /** Only this many times in all. */
  readonly times?: number;
  /** Only every n-th call. */
  readonly every?: number;
  /** Only with this probability (0..1). */
  readonly probability?: number;
  readonly random?: () => number;
}

/**
 * Fault injection, to test the repairs: makes the body throw, return a value, or wait. The
 * fault is the function's own: it acts in the body's place (at `around`, innermost unless a
 * priority says otherwise), so the other rules see it as they would see a real one, and a
 * retry or a timeout that runs the body again meets it again. Each fault is an `injected`
 * event; with `times`, the rule detaches itself after the last one.
 *
 * @example inject('Db.prototype.query', { throw: 'connection reset', every: 3, times: 10 })
 */
export function inject(target: Selector, options: InjectOptions): Rule {
  checkOptions('inject', options, [...KNOWN, ...RULE_OPTIONS]);
  const kinds = ['throw', 'returns', 'delay'].filter((k) => k in (options ?? {}));
  if (kinds.length !== 1) throw new OptionError("kheiron: inject() needs exactly one of 'throw', 'returns', 'delay'");
  if ('delay' in options) requirePositive('inject() delay', options.delay);
  for (const name of ['times', 'every'] as const)
    if (options[name] !== undefined) requirePositive(`inject() ${name}`, options[name], true);
  if (
    options.probability !== undefined &&
    !(typeof options.probability === 'number' && options.probability >= 0 && options.probability <= 1)
  )
    throw new OptionError(
      `kheiron: inject() probability must be a number from 0 to 1, got ${String(options.probability)}`,
    );
  requireFunction('inject() random', options.random);
  const random = options.random ?? Math.random;
  let calls = 0;
  let injected = 0;
  const fires = (ctx: RuleContext): boolean => {
    calls++;
    if (options.times !== undefined && injected >= options.times) return false;
    if ('delay' in options && !ctx.entry.async) return false; // a sync call cannot wait
    if (options.every !== undefined && calls % options.every !== 0) return false;
    return options.probability === undefined || random() < options.probability;
  };
  return catalogueRule('inject', target, options, KNOWN, {
    priority: options.priority ?? PRIORITY.fault,
    invokes: 'delay' in options,
    around(ctx: RuleContext, run: () => unknown) {
      if (!fires(ctx)) return run;
      injected++;
      ctx.injected({ fault: kinds[0], count: injected, ...(options.times !== undefined && { of: options.times }) });
      if (injected === options.times) ctx.selfDetach(`injected ${injected} faults, as many as 'times' allows`);
      if ('throw' in options) {
        const error = options.throw instanceof Error ? options.throw : new Error(String(options.throw));
        if (ctx.entry.async) return Promise.reject(error);
        ctx.rethrow(error);
        return undefined;
      }
      if ('returns' in options) return ctx.entry.async ? Promise.resolve(options.returns) : options.returns;
      return delay(options.delay!).then(() => run());
    },
  });
}
