import type { Rule, RuleContext, Selector } from '../rules.js';
import { backoffDelay, type Backoff } from './backoff.js';
import {
  RULE_OPTIONS,
  catalogueRule,
  checkOptions,
  delay,
  isThenable,
  requireFunction,
  requirePositive,
  type RuleOptions,
} from './util.js';
import { OptionError } from '../errors.js';

export interface RetryOptions extends RuleOptions {
  /** Attempts in all, the first call included (default 3). */
  readonly attempts?: number;
  readonly backoff?: Backoff;
  /** What counts as a failure worth retrying (default: every error). */
  readonly when?: (error: unknown, attempt: number) => boolean;
}

/**
 * Runs the call again when it fails: async functions after a jittered exponential
 * backoff, sync functions at once (only for idempotent ones). Each attempt runs the body
 * with the rules that stand for it (`inject`, `timeout`); a call another rule refused is
 * not retried. The targets must be reinvocable (named functions and methods of named
 * classes).
 *
 * @example retry('Inventory.prototype.reserve', { attempts: 4, when: (e) => e.code === 'ECONNRESET' })
 */
export function retry(target: Selector, options: RetryOptions = {}): Rule {
  checkOptions('retry', options, ['attempts', 'backoff', 'when', ...RULE_OPTIONS]);
  const attempts = options.attempts ?? 3;
  requirePositive('retry() attempts', attempts, true);
  requireFunction('retry() when', options.when);
  checkOptions('retry() backoff', options.backoff, ['initial', 'factor', 'max', 'jitter'], 'backoff option');
  for (const name of ['initial', 'factor', 'max'] as const)
    if (options.backoff?.[name] !== undefined) requirePositive(`retry() backoff.${name}`, options.backoff[name]);
  if (options.backoff?.jitter !== undefined && typeof options.backoff.jitter !== 'boolean')
    throw new OptionError(
      `kheiron: retry() backoff.jitter must be true or false, got ${String(options.backoff.jitter)}`,
    );
  const when = options.when ?? (() => true);
  return catalogueRule('retry', target, options, ['attempts', 'backoff', 'when'], {
    invokes: true,
    onThrow(ctx: RuleContext) {
      // A call another rule refused (open circuit, full bulkhead, rejected arguments): running
      // the body again would go around that rule.
      if (ctx.skipped || ctx.recovered || attempts < 2 || !when(ctx.error, 1)) return;
      if (ctx.entry.async) {
        ctx.recover(retryAsync(ctx, attempts, options.backoff, when));
        return;
      }
      let error = ctx.error;
      for (let attempt = 2; attempt <= attempts; attempt++) {
        try {
          const value = ctx.invoke();
          ctx.repaired({ attempt, error });
          ctx.recover(value);
          return;
        } catch (next) {
          error = next;
          if (!when(next, attempt)) break;
        }
      }
      ctx.rethrow(error);
    },
  });
}

async function retryAsync(
  ctx: RuleContext,
  attempts: number,
  backoff: Backoff | undefined,
  when: (error: unknown, attempt: number) => boolean,
): Promise<unknown> {
  let error = ctx.error;
  for (let attempt = 2; attempt <= attempts; attempt++) {
    await delay(backoffDelay(attempt - 1, backoff));
    try {
      const result = ctx.invoke();
      const value = isThenable(result) ? await result : result;
      ctx.repaired({ attempt, error });
      return value;
    } catch (next) {
      error = next;
      if (!when(next, attempt)) break;
    }
  }
  throw error;
}
