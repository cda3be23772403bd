import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, type RuleOptions } from './util.js';
import { OptionError } from '../errors.js';

/**
 * Validates or coerces the arguments before the call. The check returns true (fine), an
 * array (the arguments to use instead: a repair), or false / a string (rejected: the call
 * throws a TypeError saying so, without running).
 *
 * @example guardArgs('Cart.prototype.add', ([name, qty]) => (Number.isInteger(qty) && qty > 0) || [name, 1])
 */
export function guardArgs(
  target: Selector,
  check: (args: readonly any[], ctx: RuleContext) => boolean | string | unknown[],
  options: RuleOptions = {},
): Rule {
  if (typeof check !== 'function') throw new OptionError('kheiron: guardArgs() needs a check function');
  return catalogueRule('guardArgs', target, options, [], {
    before(ctx: RuleContext) {
      const verdict = check(ctx.args, ctx);
      if (verdict === true) return;
      ctx.checkFailed({ args: ctx.args.slice() });
      if (Array.isArray(verdict)) {
        ctx.replaceArgs(...verdict);
        ctx.repaired({ args: verdict });
        return;
      }
      const error = new TypeError(
        `${ctx.entry.name}: invalid arguments${typeof verdict === 'string' ? `: ${verdict}` : ''}`,
      );
      if (ctx.entry.async) ctx.skip(Promise.reject(error));
      else ctx.rethrow(error);
    },
  });
}
