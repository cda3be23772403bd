import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, requireFunction, type RuleOptions } from './util.js';
import { OptionError } from '../errors.js';

export interface InvariantOptions extends RuleOptions {
  /** When to check: before the call, after it, or both (default 'both'). */
  readonly when?: 'before' | 'after' | 'both';
  /** Restores consistency; called with the context when the check fails. */
  readonly repair?: (ctx: RuleContext) => void;
}

/**
 * A consistency check of `this` and the arguments. On a violation the failed check is
 * recorded and, if given, the repair runs and is recorded.
 *
 * @example invariant('Cart.prototype.*', (ctx) => ctx.this.total >= 0, { repair: (ctx) => ctx.this.recount() })
 */
export function invariant(
  target: Selector,
  check: (ctx: RuleContext) => boolean,
  options: InvariantOptions = {},
): Rule {
  if (typeof check !== 'function') throw new OptionError('kheiron: invariant() needs a check function');
  const when = options?.when ?? 'both';
  if (!['before', 'after', 'both'].includes(when))
    throw new OptionError(`kheiron: invariant() when must be 'before', 'after' or 'both', got ${String(when)}`);
  requireFunction('invariant() repair', options?.repair);
  const verify = (ctx: RuleContext): void => {
    if (check(ctx)) return;
    ctx.checkFailed({ check: check.name || 'invariant' });
    if (options.repair) {
      options.repair(ctx);
      ctx.repaired({ repair: options.repair.name || 'repair' });
    }
  };
  return catalogueRule('invariant', target, options, ['when', 'repair'], {
    ...(when !== 'after' ? { before: verify } : {}),
    ...(when !== 'before' ? { after: verify } : {}),
  });
}
