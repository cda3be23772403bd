import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, requirePositive, type RuleOptions } from './util.js';

/** The error a call gets when it took longer than its timeout. */
export class TimeoutError extends Error {
  constructor(readonly function_: string, readonly ms: number) {
    super(`${function_} timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * An async function's promise rejects with a TimeoutError when it has not settled within
 * `ms`. The original keeps running (JavaScript cannot cancel it); its late outcome is
 * dropped. The targets must be async and reinvocable.
 *
 * @example timeout('Search.prototype.query', 200)
 */
export function timeout(target: Selector, ms: number, options: RuleOptions = {}): Rule {
  requirePositive('timeout() ms', ms);
  return catalogueRule('timeout', target, options, [], {
    invokes: true,
    before(ctx: RuleContext) {
      if (!ctx.entry.async) return;
      const call = Promise.resolve(ctx.invoke(...ctx.args));
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          ctx.repaired({ timedOutAfterMs: ms });
          reject(new TimeoutError(ctx.entry.name, ms));
        }, ms);
      });
      call.catch(() => {});
      ctx.skip(Promise.race([call, expired]).finally(() => clearTimeout(timer)));
    },
  });
}
