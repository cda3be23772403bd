import type { Rule, RuleContext, Selector } from '../rules.js';
import { RULE_OPTIONS, catalogueRule, checkOptions, isThenable, requirePositive, type RuleOptions } from './util.js';

/** The error a call gets when the bulkhead and its queue are full. */
export class BulkheadRejectedError extends Error {
  constructor(readonly function_: string) {
    super(`${function_}: bulkhead full`);
    this.name = 'BulkheadRejectedError';
  }
}

const KNOWN_BULKHEAD = ['limit', 'queue'];

export interface BulkheadOptions extends RuleOptions {
  /** Calls running at once (async: until their promise settles). */
  limit: number;
  /** Calls waiting for a place (default 0); more are rejected with BulkheadRejectedError. */
  queue?: number;
}

/**
 * Limits how many calls run at once, so one slow dependency cannot take every resource.
 * Waiting calls of async functions queue (the targets must then be reinvocable); sync
 * functions cannot wait and are rejected at once.
 *
 * @example bulkhead('Reports.prototype.render', { limit: 4, queue: 20 })
 */
export function bulkhead(target: Selector, options: BulkheadOptions): Rule {
  checkOptions('bulkhead', options, [...KNOWN_BULKHEAD, ...RULE_OPTIONS]);
  requirePositive('bulkhead() limit', options?.limit, true);
  const queueLimit = options.queue ?? 0;
  if (!(Number.isInteger(queueLimit) && queueLimit >= 0)) throw new TypeError(`kheiron: bulkhead() queue must be a non-negative integer, got ${String(options.queue)}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return catalogueRule('bulkhead', target, options, KNOWN_BULKHEAD, {
    invokes: queueLimit > 0,
    before(ctx: RuleContext) {
      if (running < options.limit) {
        running++;
        ctx.state.admitted = true;
        return;
      }
      const error = new BulkheadRejectedError(ctx.entry.name);
      if (!ctx.entry.async || waiting.length >= queueLimit) {
        ctx.repaired({ rejected: true, running, waiting: waiting.length });
        if (ctx.entry.async) ctx.skip(Promise.reject(error));
        else ctx.rethrow(error);
        return;
      }
      const args = ctx.args.slice();
      ctx.skip(
        new Promise<void>((resolve) => waiting.push(resolve)).then(() => {
          running++;
          let result: unknown;
          try {
            result = ctx.invoke(...args);
          } catch (e) {
            release();
            throw e;
          }
          return isThenable(result) ? Promise.resolve(result).finally(release) : (release(), result);
        }),
      );
    },
    after(ctx: RuleContext) {
      if (ctx.state.admitted) release();
    },
    onThrow(ctx: RuleContext) {
      if (ctx.state.admitted) release();
    },
  });
}
