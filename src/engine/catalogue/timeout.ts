import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, requirePositive, type RuleOptions } from './util.js';

/** The error a call gets when it took longer than its timeout. */
export class TimeoutError extends Error {
  constructor(
    readonly function_: string,
    readonly ms: number,
  ) {
    super(`${function_} timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
  readonly code = 'ERR_KHEIRON_TIMEOUT';
}

/**
 * An async function's promise rejects with a TimeoutError when it has not settled within
 * `ms`. The original keeps running (JavaScript cannot cancel it); its late outcome is
 * dropped. It bounds the body (at `around`): the other rules see a TimeoutError as the
 * body's failure, and each run of the body (a retry's too) has its own `ms`. The targets
 * must be async and reinvocable.
 *
 * @example timeout('Search.prototype.query', 200)
 */
export function timeout(target: Selector, ms: number, options: RuleOptions = {}): Rule {
  requirePositive('timeout() ms', ms);
  return catalogueRule('timeout', target, options, [], {
    invokes: true,
    around(ctx: RuleContext, run: () => unknown) {
      if (!ctx.entry.async) return run;
      const call = Promise.resolve(run());
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          ctx.repaired({ timedOutAfterMs: ms });
          reject(new TimeoutError(ctx.entry.name, ms));
        }, ms);
      });
      call.catch(() => {});
      return Promise.race([call, expired]).finally(() => clearTimeout(timer));
    },
  });
}
