import type { Rule, RuleContext, Selector } from '../rules.js';
import { PRIORITY, catalogueRule, requireFunction, requirePositive, type RuleOptions } from './util.js';

export interface LastKnownGoodOptions extends RuleOptions {
  /** The cache key of a call (default: JSON of the arguments). */
  readonly key?: (args: readonly unknown[], self: unknown) => unknown;
  /** How many keys to remember (default 1000, least recently stored go first). */
  readonly limit?: number;
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
    priority: options?.priority ?? PRIORITY.recover,
    after(ctx: RuleContext) {
      if (ctx.skipped) return; // supplied by another rule, not the function's own result
      const k = key(ctx.args, ctx.this);
      good.delete(k);
      good.set(k, ctx.result);
      if (good.size > limit) good.delete(good.keys().next().value);
    },
    onThrow(ctx: RuleContext) {
      if (ctx.recovered) return;
      const k = key(ctx.args, ctx.this);
      if (!good.has(k)) return;
      ctx.repaired({ error: ctx.error, key: k });
      ctx.recover(good.get(k));
    },
  });
}
