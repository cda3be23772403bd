/** The catalogue of checks and repairs: each returns a rule for `defineRules`. */
export { invariant, type InvariantOptions } from './invariant.js';
export { rollback, type RollbackOptions } from './rollback.js';
export { rescue, type RescueOptions } from './rescue.js';
export { fallback } from './fallback.js';
export { lastKnownGood, type LastKnownGoodOptions } from './last-known-good.js';
export { retry, type RetryOptions } from './retry.js';
export { backoffDelay, type Backoff } from './backoff.js';
export { timeout, TimeoutError } from './timeout.js';
export {
  circuitBreaker,
  CircuitOpenError,
  type BreakEvent,
  type Circuit,
  type CircuitBreakerOptions,
  type CircuitBreakerRule,
  type CircuitState,
} from './circuit-breaker.js';
export type { Disposable } from './listeners.js';
export { bulkhead, BulkheadRejectedError, type BulkheadOptions } from './bulkhead.js';
export { reset, type ResetOptions } from './reset.js';
export { guardArgs } from './guard-args.js';
export { inject, type InjectOptions } from './inject.js';
export { observe, type ObserveRule, type ObservedStats } from './observe.js';
export { PRIORITY } from './util.js';
