import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, requireFunction, requirePositive, type RuleOptions } from './util.js';

/** The error a call gets while the circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly function_: string) {
    super(`${function_}: circuit open`);
    this.name = 'CircuitOpenError';
  }
}

export type CircuitState = 'closed' | 'open' | 'half-open' | 'isolated';

const KNOWN = ['threshold', 'halfOpenAfter', 'fallback', 'now'];

export interface CircuitBreakerOptions extends RuleOptions {
  /** Failures in a row that open the circuit (default 5). */
  threshold?: number;
  /** After this many ms open, one trial call goes through (half-open; default 10000). */
  halfOpenAfter?: number;
  /** What an open circuit returns instead of throwing CircuitOpenError. */
  fallback?: (ctx: RuleContext) => unknown;
  now?: () => number;
}

export interface CircuitBreakerRule extends Rule {
  readonly state: CircuitState;
  /** Opens the circuit by hand until `reset()`: every call fails fast. */
  isolate(): void;
  /** Closes the circuit. */
  reset(): void;
}

/**
 * Fails fast while a dependency keeps failing: after `threshold` failures in a row the
 * circuit opens; after `halfOpenAfter` one trial call goes through; its success closes
 * the circuit, its failure opens it again.
 *
 * @example circuitBreaker('Payments.prototype.charge', { threshold: 3, halfOpenAfter: 5000 })
 */
export function circuitBreaker(target: Selector, options: CircuitBreakerOptions = {}): CircuitBreakerRule {
  const threshold = options?.threshold ?? 5;
  const halfOpenAfter = options.halfOpenAfter ?? 10_000;
  requirePositive('circuitBreaker() threshold', threshold, true);
  requirePositive('circuitBreaker() halfOpenAfter', halfOpenAfter);
  requireFunction('circuitBreaker() fallback', options.fallback);
  requireFunction('circuitBreaker() now', options.now);
  const now = options.now ?? Date.now;
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trial = false;
  const reject = (ctx: RuleContext): void => {
    if (options.fallback) ctx.skip(options.fallback(ctx));
    else {
      const error = new CircuitOpenError(ctx.entry.name);
      ctx.skip(ctx.entry.async ? Promise.reject(error) : undefined);
      if (!ctx.entry.async) ctx.rethrow(error);
    }
  };
  const rule = catalogueRule('circuitBreaker', target, options, KNOWN, {
    before(ctx: RuleContext) {
      if (state === 'isolated') return reject(ctx);
      if (state === 'open') {
        if (now() - openedAt < halfOpenAfter || trial) return reject(ctx);
        state = 'half-open';
        trial = true;
        ctx.state.trial = true;
      } else if (state === 'half-open' && trial) return reject(ctx);
    },
    after(ctx: RuleContext) {
      if (ctx.skipped) return;
      failures = 0;
      if (ctx.state.trial) {
        trial = false;
        state = 'closed';
        ctx.repaired({ circuit: 'closed' });
      }
    },
    onThrow(ctx: RuleContext) {
      if (ctx.state.trial) trial = false;
      if (state === 'isolated') return;
      failures++;
      if (state === 'half-open' || failures >= threshold) {
        state = 'open';
        openedAt = now();
        ctx.repaired({ circuit: 'open', failures });
      }
    },
  });
  return Object.defineProperties(rule, {
    state: { get: () => state, enumerable: false },
    isolate: { value: () => void (state = 'isolated'), enumerable: false },
    reset: {
      value: () => {
        state = 'closed';
        failures = 0;
        trial = false;
      },
      enumerable: false,
    },
  }) as CircuitBreakerRule;
}
