/** The catalogue of checks and repairs: each returns a rule for `defineRules`. */
export { invariant, type InvariantOptions } from './invariant.js';
export { rollback, type RollbackOptions } from './rollback.js';
export { rescue, type RescueOptions } from './rescue.js';
export { fallback, lastKnownGood, type LastKnownGoodOptions } from './fallback.js';
export { retry, backoffDelay, type RetryOptions, type Backoff } from './retry.js';
export { timeout, TimeoutError } from './timeout.js';
export { circuitBreaker, CircuitOpenError, type CircuitBreakerOptions, type CircuitBreakerRule, type CircuitState } from './circuit-breaker.js';
export { bulkhead, BulkheadRejectedError, type BulkheadOptions } from './bulkhead.js';
export { reset, type ResetOptions } from './reset.js';
export { guardArgs } from './guard-args.js';
export { inject, type InjectOptions } from './inject.js';
export { observe, type ObserveRule, type ObservedStats } from './observe.js';
