import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, requireFunction, requirePositive, type RuleOptions } from './util.js';

/**
 * When the call throws (or its promise rejects), returns a fallback instead: a value, or
 * what a function of the context returns.
 *
 * @example fallback('Prices.prototype.quote', (ctx) => ({ price: null, stale: true }))
 */
export function fallback(target: Selector, valueOrFn: unknown, options: RuleOptions = {}): Rule {
  return catalogueRule('fallback', target, options, [], {
    onThrow(ctx: RuleContext) {
      const value = typeof valueOrFn === 'function' ? (valueOrFn as (ctx: RuleContext) => unknown)(ctx) : valueOrFn;
      ctx.repaired({ error: ctx.error });
      ctx.recover(value);
    },
  });
}

export interface LastKnownGoodOptions extends RuleOptions {
  /** The cache key of a call (default: JSON of the arguments). */
  key?: (args: readonly unknown[], self: unknown) => unknown;
  /** How many keys to remember (default 1000, least recently stored go first). */
  limit?: number;
}

/**
 * Remembers the last good result per key; when the call fails, returns it instead.
 *
 * @example lastKnownGood('Rates.prototype.fetch', { key: ([currency]) => currency })
 */
export function lastKnownGood(target: Selector, options: LastKnownGoodOptions = {}): Rule {
  const key = options?.key ?? ((args: readonly unknown[]) => JSON.stringify(args));
  const limit = options?.limit ?? 1000;
  requireFunction('lastKnownGood() key', options?.key);
  requirePositive('lastKnownGood() limit', limit, true);
  const good = new Map<unknown, unknown>();
  return catalogueRule('lastKnownGood', target, options, ['key', 'limit'], {
    after(ctx: RuleContext) {
      const k = key(ctx.args, ctx.this);
      good.delete(k);
      good.set(k, ctx.result);
      if (good.size > limit) good.delete(good.keys().next().value);
    },
    onThrow(ctx: RuleContext) {
      const k = key(ctx.args, ctx.this);
      if (!good.has(k)) return;
      ctx.repaired({ error: ctx.error, key: k });
      ctx.recover(good.get(k));
    },
  });
}
