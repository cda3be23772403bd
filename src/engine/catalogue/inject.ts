import type { Rule, RuleContext, Selector } from '../rules.js';
import { RULE_OPTIONS, catalogueRule, checkOptions, delay, requireFunction, requirePositive, type RuleOptions } from './util.js';

const KNOWN = ['throw', 'returns', 'delay', 'times', 'every', 'probability', 'random'];

export interface InjectOptions extends RuleOptions {
  /** Throw this (an Error, or a message for one). */
  throw?: unknown;
  /** Return this instead of running the call. */
  returns?: unknown;
  /** Delay async calls by this many ms (the targets must then be reinvocable). */
  delay?: number;
  /** Only this many times in all. */
  times?: number;
  /** Only every n-th call. */
  every?: number;
  /** Only with this probability (0..1). */
  probability?: number;
  random?: () => number;
}

/**
 * Fault injection, to test the repairs: makes calls throw, return a value, or wait.
 *
 * @example inject('Db.prototype.query', { throw: 'connection reset', every: 3, times: 10 })
 */
export function inject(target: Selector, options: InjectOptions): Rule {
  checkOptions('inject', options, [...KNOWN, ...RULE_OPTIONS]);
  const kinds = ['throw', 'returns', 'delay'].filter((k) => k in (options ?? {}));
  if (kinds.length !== 1) throw new TypeError("kheiron: inject() needs exactly one of 'throw', 'returns', 'delay'");
  if ('delay' in options) requirePositive('inject() delay', options.delay);
  for (const name of ['times', 'every'] as const) if (options[name] !== undefined) requirePositive(`inject() ${name}`, options[name], true);
  if (options.probability !== undefined && !(typeof options.probability === 'number' && options.probability >= 0 && options.probability <= 1)) throw new TypeError(`kheiron: inject() probability must be a number from 0 to 1, got ${String(options.probability)}`);
  requireFunction('inject() random', options.random);
  const random = options.random ?? Math.random;
  let calls = 0;
  let injected = 0;
  return catalogueRule('inject', target, options, KNOWN, {
    invokes: 'delay' in options,
    before(ctx: RuleContext) {
      calls++;
      if (options.times !== undefined && injected >= options.times) return;
      if (options.every !== undefined && calls % options.every !== 0) return;
      if (options.probability !== undefined && random() >= options.probability) return;
      injected++;
      ctx.repaired({ injected: kinds[0], count: injected });
      if ('throw' in options) {
        const error = options.throw instanceof Error ? options.throw : new Error(String(options.throw));
        if (ctx.entry.async) ctx.skip(Promise.reject(error));
        else ctx.rethrow(error);
      } else if ('returns' in options) {
        ctx.skip(ctx.entry.async ? Promise.resolve(options.returns) : options.returns);
      } else if (ctx.entry.async) {
        const args = ctx.args.slice();
        ctx.skip(delay(options.delay!).then(() => ctx.invoke(...args)));
      }
    },
  });
}
