import type { Rule, RuleContext, Selector } from '../rules.js';
import { PRIORITY, RULE_OPTIONS, catalogueRule, checkOptions, requireFunction, type RuleOptions } from './util.js';
import { OptionError } from '../errors.js';

export interface RescueOptions extends RuleOptions {
  /**
   * The method's own declared failure outcome: an Error class (the error is rethrown as
   * one, with the original as `cause`; for async functions the promise rejects with it),
   * a function of the context returning the value to return, or a value.
   */
  readonly as: unknown;
  /** Which errors to rescue (default: all). */
  readonly when?: (error: unknown) => boolean;
}

/**
 * Turns an unexpected exception into the method's own failure outcome (rescue points,
 * error virtualisation), so callers meet an error they know how to handle.
 *
 * @example rescue('Store.prototype.load', { as: NotFoundError, when: (e) => e instanceof TypeError })
 */
export function rescue(target: Selector, options: RescueOptions): Rule {
  checkOptions('rescue', options, ['as', 'when', ...RULE_OPTIONS]);
  if (!options || !('as' in options)) throw new OptionError("kheiron: rescue() needs an 'as' option");
  requireFunction('rescue() when', options.when);
  const { as } = options;
  return catalogueRule('rescue', target, options, ['as', 'when'], {
    priority: options.priority ?? PRIORITY.recover,
    onThrow(ctx: RuleContext) {
      if (ctx.recovered || (options.when && !options.when(ctx.error))) return;
      if (isErrorClass(as)) {
        const Type = as;
        // Not `instanceof Error`: the error may come from another realm.
        const error = ctx.error as { message?: unknown } | null;
        const message = typeof error?.message === 'string' ? error.message : String(ctx.error);
        ctx.repaired({ as: Type.name, error: ctx.error });
        ctx.rethrow(new Type(message, { cause: ctx.error }));
      } else {
        const value = typeof as === 'function' ? (as as (ctx: RuleContext) => unknown)(ctx) : as;
        ctx.repaired({ as: 'value', error: ctx.error });
        ctx.recover(value);
      }
    },
  });
}

/** An Error class, of this realm or another (a `vm` context's, a worker's). */
function isErrorClass(value: unknown): value is new (message?: string, options?: { cause?: unknown }) => Error {
  for (let c = value; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    if (c === Error || (c.name === 'Error' && /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(c))))
      return true;
  }
  return false;
}
