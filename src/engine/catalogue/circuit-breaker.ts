import type { Rule, RuleContext, Selector } from '../rules.js';
import { catalogueRule, requireFunction, requirePositive, type RuleOptions } from './util.js';
import { Listeners, type Disposable } from './listeners.js';

/** The error a call gets while the circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly function_: string) {
    super(`${function_}: circuit open`);
    this.name = 'CircuitOpenError';
  }
  readonly code = 'ERR_KHEIRON_CIRCUIT_OPEN';
}

/**
 * The circuit: closed (counting failures in a row), open (since `openedAt`), half-open (one
 * trial call on its way), or isolated by hand.
 */
export type Circuit =
  | { readonly state: 'closed'; readonly failures: number }
  | { readonly state: 'open'; readonly failures: number; readonly openedAt: number }
  | { readonly state: 'half-open'; readonly openedAt: number }
  | { readonly state: 'isolated' };

export type CircuitState = Circuit['state'];

export interface BreakEvent {
  /** The function whose failure opened the circuit, and the failures in a row. */
  readonly function: string;
  readonly failures: number;
}

const KNOWN = ['threshold', 'halfOpenAfter', 'fallback', 'now'];

export interface CircuitBreakerOptions extends RuleOptions {
  /** Failures in a row that open the circuit (default 5). */
  readonly threshold?: number;
  /** After this many ms open, one trial call goes through (half-open; default 10000). */
  readonly halfOpenAfter?: number;
  /** What an open circuit returns instead of throwing CircuitOpenError. */
  readonly fallback?: (ctx: RuleContext) => unknown;
  readonly now?: () => number;
}

export interface CircuitBreakerRule extends Rule {
  readonly state: CircuitState;
  readonly circuit: Circuit;
  /** Opens the circuit by hand until `reset()`: every call fails fast. */
  isolate(): void;
  /** Closes the circuit. */
  reset(): void;
  /** The circuit opened (failures, or a failed trial). */
  onBreak(listener: (event: BreakEvent) => void): Disposable;
  /** The circuit closed again (a trial succeeded, or `reset()`). */
  onReset(listener: () => void): Disposable;
  /** A trial call goes through. */
  onHalfOpen(listener: () => void): Disposable;
}

/**
 * Fails fast while a dependency keeps failing: after `threshold` failures in a row the
 * circuit opens; after `halfOpenAfter` one trial call goes through; its success closes
 * the circuit, its failure opens it again. Only the body's failures count (injected faults
 * and timeouts are the body's); a call another rule refused tells nothing of the dependency.
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
  const events = { break: new Listeners<BreakEvent>(), reset: new Listeners<void>(), halfOpen: new Listeners<void>() };
  let circuit: Circuit = { state: 'closed', failures: 0 };

  const reject = (ctx: RuleContext): void => {
    if (options.fallback) return ctx.skip(options.fallback(ctx));
    const error = new CircuitOpenError(ctx.entry.name);
    if (ctx.entry.async) ctx.skip(Promise.reject(error));
    else ctx.rethrow(error);
  };
  const open = (ctx: RuleContext, failures: number): void => {
    circuit = { state: 'open', failures, openedAt: now() };
    ctx.repaired({ circuit: 'open', failures });
    events.break.emit({ function: ctx.entry.name, failures });
  };
  const close = (): void => {
    circuit = { state: 'closed', failures: 0 };
    events.reset.emit();
  };
  /** Another rule refused the call or supplied its outcome: nothing learnt of the dependency. */
  const refused = (ctx: RuleContext): boolean => {
    if (!ctx.skipped) return false;
    if (ctx.state.trial && circuit.state === 'half-open') circuit = { state: 'open', failures: threshold, openedAt: circuit.openedAt };
    return true;
  };

  const rule = catalogueRule('circuitBreaker', target, options, KNOWN, {
    before(ctx: RuleContext) {
      if (circuit.state === 'isolated' || circuit.state === 'half-open') return reject(ctx);
      if (circuit.state !== 'open') return;
      if (now() - circuit.openedAt < halfOpenAfter) return reject(ctx);
      circuit = { state: 'half-open', openedAt: circuit.openedAt };
      ctx.state.trial = true;
      events.halfOpen.emit();
    },
    after(ctx: RuleContext) {
      if (refused(ctx)) return;
      if (ctx.state.trial && circuit.state === 'half-open') {
        close();
        ctx.repaired({ circuit: 'closed' });
      } else if (circuit.state === 'closed' && circuit.failures > 0) circuit = { state: 'closed', failures: 0 };
    },
    onThrow(ctx: RuleContext) {
      if (refused(ctx)) return;
      if (ctx.state.trial && circuit.state === 'half-open') return open(ctx, threshold);
      if (circuit.state !== 'closed') return;
      const failures = circuit.failures + 1;
      if (failures >= threshold) open(ctx, failures);
      else circuit = { state: 'closed', failures };
    },
  });
  return Object.defineProperties(rule, {
    state: { get: () => circuit.state, enumerable: false },
    circuit: { get: () => circuit, enumerable: false },
    isolate: { value: () => void (circuit = { state: 'isolated' }), enumerable: false },
    reset: { value: close, enumerable: false },
    onBreak: { value: (listener: (event: BreakEvent) => void) => events.break.add(listener), enumerable: false },
    onReset: { value: (listener: () => void) => events.reset.add(listener), enumerable: false },
    onHalfOpen: { value: (listener: () => void) => events.halfOpen.add(listener), enumerable: false },
  }) as CircuitBreakerRule;
}
