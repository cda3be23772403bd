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
  const breaker = new Breaker(threshold, halfOpenAfter, options.now ?? Date.now, options.fallback);
  const rule = catalogueRule('circuitBreaker', target, options, KNOWN, {
    before: (ctx: RuleContext) => breaker.before(ctx),
    after: (ctx: RuleContext) => breaker.after(ctx),
    onThrow: (ctx: RuleContext) => breaker.onThrow(ctx),
  });
  const { events } = breaker;
  return Object.defineProperties(rule, {
    state: { get: () => breaker.circuit.state, enumerable: false },
    circuit: { get: () => breaker.circuit, enumerable: false },
    isolate: { value: () => void (breaker.circuit = { state: 'isolated' }), enumerable: false },
    reset: { value: () => breaker.close(), enumerable: false },
    onBreak: { value: (listener: (event: BreakEvent) => void) => events.break.add(listener), enumerable: false },
    onReset: { value: (listener: () => void) => events.reset.add(listener), enumerable: false },
    onHalfOpen: { value: (listener: () => void) => events.halfOpen.add(listener), enumerable: false },
  }) as CircuitBreakerRule;
}

/** The circuit and its transitions, at the rule's control points. */
class Breaker {
  circuit: Circuit = { state: 'closed', failures: 0 };
  readonly events = {
    break: new Listeners<BreakEvent>(),
    reset: new Listeners<void>(),
    halfOpen: new Listeners<void>(),
  };

  constructor(
    private readonly threshold: number,
    private readonly halfOpenAfter: number,
    private readonly now: () => number,
    private readonly fallback: ((ctx: RuleContext) => unknown) | undefined,
  ) {}

  before(ctx: RuleContext): void {
    const { circuit } = this;
    if (circuit.state === 'isolated' || circuit.state === 'half-open') return this.reject(ctx);
    if (circuit.state !== 'open') return;
    if (this.now() - circuit.openedAt < this.halfOpenAfter) return this.reject(ctx);
    this.circuit = { state: 'half-open', openedAt: circuit.openedAt };
    ctx.state.trial = true;
    this.events.halfOpen.emit();
  }

  after(ctx: RuleContext): void {
    if (this.refused(ctx)) return;
    if (ctx.state.trial && this.circuit.state === 'half-open') {
      this.close();
      ctx.repaired({ circuit: 'closed' });
    } else if (this.circuit.state === 'closed' && this.circuit.failures > 0)
      this.circuit = { state: 'closed', failures: 0 };
  }

  onThrow(ctx: RuleContext): void {
    if (this.refused(ctx)) return;
    if (ctx.state.trial && this.circuit.state === 'half-open') return this.open(ctx, this.threshold);
    if (this.circuit.state !== 'closed') return;
    const failures = this.circuit.failures + 1;
    if (failures >= this.threshold) this.open(ctx, failures);
    else this.circuit = { state: 'closed', failures };
  }

  close(): void {
    this.circuit = { state: 'closed', failures: 0 };
    this.events.reset.emit();
  }

  private open(ctx: RuleContext, failures: number): void {
    this.circuit = { state: 'open', failures, openedAt: this.now() };
    ctx.repaired({ circuit: 'open', failures });
    this.events.break.emit({ function: ctx.entry.name, failures });
  }

  private reject(ctx: RuleContext): void {
    if (this.fallback) return ctx.skip(this.fallback(ctx));
    const error = new CircuitOpenError(ctx.entry.name);
    if (ctx.entry.async) ctx.skip(Promise.reject(error));
    else ctx.rethrow(error);
  }

  /** Another rule refused the call or supplied its outcome: nothing learnt of the dependency. */
  private refused(ctx: RuleContext): boolean {
    if (!ctx.skipped) return false;
    const { circuit } = this;
    if (ctx.state.trial && circuit.state === 'half-open')
      this.circuit = { state: 'open', failures: this.threshold, openedAt: circuit.openedAt };
    return true;
  }
}
