import type { Rule, RuleContext, Selector } from '../rules.js';
import { RULE_OPTIONS, catalogueRule, checkOptions, requirePositive, type RuleOptions } from './util.js';
import { OptionError } from '../errors.js';

/** The error a call gets when the bulkhead and its queue are full. */
export class BulkheadRejectedError extends Error {
  constructor(readonly function_: string) {
    super(`${function_}: bulkhead full`);
    this.name = 'BulkheadRejectedError';
  }
  readonly code = 'ERR_KHEIRON_BULKHEAD_FULL';
}

const KNOWN_BULKHEAD = ['limit', 'queue'];

export interface BulkheadOptions extends RuleOptions {
  /** Calls running at once (async: until their promise settles). */
  readonly limit: number;
  /** Calls waiting for a place (default 0); more are rejected with BulkheadRejectedError. */
  readonly queue?: number;
}

/**
 * Limits how many calls run at once, so one slow dependency cannot take every resource.
 * Waiting calls of async functions queue (the targets must then be reinvocable) and run
 * the body when a place is free (at `around`); sync functions cannot wait and are rejected
 * at once. A rejection is a refusal (`skipped`): the other rules see BulkheadRejectedError.
 *
 * @example bulkhead('Reports.prototype.render', { limit: 4, queue: 20 })
 */
export function bulkhead(target: Selector, options: BulkheadOptions): Rule {
  checkOptions('bulkhead', options, [...KNOWN_BULKHEAD, ...RULE_OPTIONS]);
  requirePositive('bulkhead() limit', options?.limit, true);
  const queueLimit = options.queue ?? 0;
  if (!(Number.isInteger(queueLimit) && queueLimit >= 0))
    throw new OptionError(`kheiron: bulkhead() queue must be a non-negative integer, got ${String(options.queue)}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  const done = (ctx: RuleContext): void => {
    if (ctx.state.admitted) release();
    else if (ctx.state.place !== undefined && !ctx.state.waited) {
      // Queued, but another rule supplied the outcome before the call reached its place.
      const at = waiting.indexOf(ctx.state.wake as () => void);
      if (at >= 0) waiting.splice(at, 1);
    }
  };
  return catalogueRule('bulkhead', target, options, KNOWN_BULKHEAD, {
    invokes: queueLimit > 0,
    before(ctx: RuleContext) {
      if (running < options.limit) {
        running++;
        ctx.state.admitted = true;
        return;
      }
      if (!ctx.entry.async || waiting.length >= queueLimit) {
        const error = new BulkheadRejectedError(ctx.entry.name);
        ctx.repaired({ rejected: true, running, waiting: waiting.length });
        if (ctx.entry.async) ctx.skip(Promise.reject(error));
        else ctx.rethrow(error);
        return;
      }
      // Its place in the queue now, so that the calls after it see the queue as it is.
      ctx.state.place = new Promise<void>((resolve) => waiting.push((ctx.state.wake = resolve)));
    },
    around(ctx: RuleContext, run: () => unknown) {
      const place = ctx.state.place as Promise<void> | undefined;
      if (place === undefined) return run;
      ctx.state.waited = true;
      // Released at this rule's after/onThrow, which see the outcome of the body it runs.
      return place.then(() => {
        running++;
        ctx.state.admitted = true;
        return run();
      });
    },
    after: (ctx: RuleContext) => done(ctx),
    onThrow: (ctx: RuleContext) => done(ctx),
  });
}
