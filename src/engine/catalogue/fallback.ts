import type { Rule, RuleContext, Selector } from '../rules.js';
import { PRIORITY, catalogueRule, type RuleOptions } from './util.js';

/**
 * When the call throws (or its promise rejects), returns a fallback instead: a value, or
 * what a function of the context returns.
 *
 * @example fallback('Prices.prototype.quote', (ctx) => ({ price: null, stale: true }))
 */
export function fallback(target: Selector, valueOrFn: unknown, options: RuleOptions = {}): Rule {
  return catalogueRule('fallback', target, options, [], {
    priority: options.priority ?? PRIORITY.recover,
    onThrow(ctx: RuleContext) {
      if (ctx.recovered) return;
      const value = typeof valueOrFn === 'function' ? (valueOrFn as (ctx: RuleContext) => unknown)(ctx) : valueOrFn;
      ctx.repaired({ error: ctx.error });
      ctx.recover(value);
    },
  });
}
