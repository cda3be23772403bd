import type { FunctionEntry } from '../emitted.js';

/*
 * The contract of a hook: the control points, and what a hook sees and may do at each.
 * Types only: the runtime's call context implements `CallContext` (context.ts).
 */

export type ControlPoint = 'before' | 'after' | 'onThrow';

/**
 * What a hook sees at a control point, and the operations it may perform.
 *
 * Contracts:
 * - `before` runs when the call starts (also for generators; only a generator prepared as
 *   'in-place-generator' runs it at its first `next()`). It may
 *   `replaceArgs(...)`, which assigns the new values to the parameters, or `skip(result)`,
 *   which returns `result` without running the body; later `before` hooks then do not run,
 *   `after` hooks do, with `skipped` true.
 * - `after` runs when the body returned (for async functions, when the promise fulfilled).
 *   `result` is the value; `replaceResult(value)` changes what the caller gets. For a
 *   constructor, `result` is the new instance.
 * - `onThrow` runs when the body threw (for async functions, when the promise rejected).
 *   `recover(value)` returns `value` instead; `rethrow(error)` throws `error` instead; with
 *   neither, the original error propagates. The first hook that recovers or rethrows ends
 *   the chain.
 * - `rethrow(error)` in `before` or `after` throws `error` from the call. Any other
 *   exception a hook throws is caught, counted on its handle and reported, never thrown
 *   into the application.
 * - While a hook runs, prepared functions it calls run dormant (no re-entry).
 */
export interface CallContext<This = unknown, Args extends unknown[] = unknown[], Result = unknown> {
  readonly entry: FunctionEntry;
  readonly point: ControlPoint;
  /** `this` of the call; undefined for arrows and before `super()` in derived constructors. */
  readonly this: This;
  readonly args: Readonly<Args>;
  readonly result: Result | undefined;
  readonly error: unknown;
  readonly skipped: boolean;
  /** Per hook and per call: what `before` stores here, `after` and `onThrow` find again. */
  readonly state: Record<string, unknown>;
  skip(result: Result): void;
  replaceArgs(...args: Args): void;
  replaceResult(value: Result): void;
  recover(value: Result): void;
  rethrow(error: unknown): void;
  /**
   * Runs the original function again with the same `this` (and these arguments, or the
   * call's), without the hooks for that one call; returns what it returns. Only for
   * entries that are `reinvocable`; used by retries.
   */
  invoke(...args: unknown[]): unknown;
}

export interface Hooks {
  before?(ctx: CallContext): void;
  after?(ctx: CallContext): void;
  onThrow?(ctx: CallContext): void;
}
