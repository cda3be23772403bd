import type { Rule, RuleContext, Selector } from '../rules.js';
import { RULE_OPTIONS, catalogueRule, checkOptions, delay, isThenable, requireFunction, requirePositive, type RuleOptions } from './util.js';

export interface Backoff {
  /** First delay in ms (default 50). */
  initial?: number;
  /** Multiplier per attempt (default 2). */
  factor?: number;
  /** Longest delay in ms (default 5000). */
  max?: number;
  /** Full jitter: each delay is random between 0 and the computed delay (default true). */
  jitter?: boolean;
}

export interface RetryOptions extends RuleOptions {
  /** Attempts in all, the first call included (default 3). */
  attempts?: number;
  backoff?: Backoff;
  /** What counts as a failure worth retrying (default: every error). */
  when?: (error: unknown, attempt: number) => boolean;
}

/** Delay before attempt `attempt + 1`: exponential, capped, with full jitter. */
export function backoffDelay(attempt: number, backoff: Backoff = {}, random: () => number = Math.random): number {
  const { initial = 50, factor = 2, max = 5000, jitter = true } = backoff;
  const d = Math.min(max, initial * factor ** (attempt - 1));
  return jitter ? random() * d : d;
}

/**
 * Runs the call again when it fails: async functions after a jittered exponential
 * backoff, sync functions at once (only for idempotent ones). The targets must be
 * reinvocable (named functions and methods of named classes).
 *
 * @example retry('Inventory.prototype.reserve', { attempts: 4, when: (e) => e.code === 'ECONNRESET' })
 */
export function retry(target: Selector, options: RetryOptions = {}): Rule {
  checkOptions('retry', options, ['attempts', 'backoff', 'when', ...RULE_OPTIONS]);
  const attempts = options.attempts ?? 3;
  requirePositive('retry() attempts', attempts, true);
  requireFunction('retry() when', options.when);
  checkOptions('retry() backoff', options.backoff, ['initial', 'factor', 'max', 'jitter'], 'backoff option');
  for (const name of ['initial', 'factor', 'max'] as const) if (options.backoff?.[name] !== undefined) requirePositive(`retry() backoff.${name}`, options.backoff[name]);
  if (options.backoff?.jitter !== undefined && typeof options.backoff.jitter !== 'boolean') throw new TypeError(`kheiron: retry() backoff.jitter must be true or false, got ${String(options.backoff.jitter)}`);
  const when = options.when ?? (() => true);
  return catalogueRule('retry', target, options, ['attempts', 'backoff', 'when'], {
    invokes: true,
    onThrow(ctx: RuleContext) {
      if (!when(ctx.error, 1) || attempts < 2) return;
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

async function retryAsync(ctx: RuleContext, attempts: number, backoff: Backoff | undefined, when: (error: unknown, attempt: number) => boolean): Promise<unknown> {
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
