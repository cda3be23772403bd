import type { Rule, RuleContext, Selector } from '../rules.js';
import {
  PRIORITY,
  RULE_OPTIONS,
  catalogueRule,
  checkOptions,
  isThenable,
  requirePositive,
  type RuleOptions,
} from './util.js';
import { OptionError } from '../errors.js';

export interface ResetOptions extends RuleOptions {
  /** How to re-initialise the component: the name of its reset method, or a function of it. */
  readonly using: string | ((instance: any, ctx: RuleContext) => void);
  /** Failures in a row of one instance that trigger the reset (default 3). */
  readonly after?: number;
}

/**
 * Micro-reboot: after repeated failures of a component, re-initialises the instance (or
 * calls its reset method), then runs the failed call again. The targets must be
 * reinvocable.
 *
 * @example reset('Connection.prototype.query', { using: 'reconnect', after: 2 })
 */
export function reset(target: Selector, options: ResetOptions): Rule {
  checkOptions('reset', options, ['using', 'after', ...RULE_OPTIONS]);
  const threshold = options?.after ?? 3;
  requirePositive('reset() after', threshold, true);
  if (typeof options?.using !== 'string' && typeof options?.using !== 'function')
    throw new OptionError("kheiron: reset() needs 'using': a method name or a function");
  const failures = new WeakMap<object, number>();
  const reinit = (instance: any, ctx: RuleContext): unknown => {
    if (typeof options.using === 'function') return options.using(instance, ctx);
    const method = instance?.[options.using];
    if (typeof method !== 'function')
      throw new TypeError(`reset(): ${ctx.entry.name}'s instance has no method '${options.using}'`);
    return method.call(instance);
  };
  return catalogueRule('reset', target, options, ['using', 'after'], {
    priority: options.priority ?? PRIORITY.restore,
    invokes: true,
    after(ctx: RuleContext) {
      if (ctx.this && typeof ctx.this === 'object') failures.delete(ctx.this);
    },
    onThrow(ctx: RuleContext) {
      const instance = ctx.this;
      if (!instance || typeof instance !== 'object' || ctx.recovered) return;
      const count = (failures.get(instance) ?? 0) + 1;
      failures.set(instance, count);
      if (count < threshold) return;
      failures.delete(instance);
      const done = reinit(instance, ctx);
      const again = (): unknown => {
        const value = ctx.invoke();
        ctx.repaired({ reset: typeof options.using === 'string' ? options.using : 'function', failures: count });
        return value;
      };
      if (isThenable(done)) return ctx.recover(Promise.resolve(done).then(again));
      let value: unknown;
      try {
        value = again();
      } catch (error) {
        // The body failed again after the reset: that is the call's error now, not the rule's.
        return ctx.rethrow(error);
      }
      ctx.recover(value);
    },
  });
}
