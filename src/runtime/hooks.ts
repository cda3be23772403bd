import type { FunctionEntry } from '../emitted.js';

/*
 * The contract of a hook: the control points, and what a hook sees and may do at each.
 * Types only: the runtime's call context implements `CallContext` (context.ts).
 */

export type ControlPoint = 'before' | 'around' | 'after' | 'onThrow';

/**
 * What a hook sees at a control point, and the operations it may perform.
 *
 * Contracts:
 * - `before` runs when the call starts (also for generators; only a generator prepared as
 *   'in-place-generator' runs it at its first `next()`). It may
 *   `replaceArgs(...)`, which assigns the new values to the parameters, or supply the call's
 *   outcome without running the body: `skip(result)` (a value, or for an async function a
 *   promise) or `rethrow(error)`. Later `before` hooks then do not run; the outcome goes
 *   through the other hooks' `after` or `onThrow` as the body's would, with `skipped` true
 *   (the hook that supplied it does not see it again).
 * - `around` runs after the `before` hooks, in their order, with `run`: what stands for the
 *   body (the `around` hooks after it, then the body). It returns the body's outcome in its
 *   place (calling `run()`, or not) or `run` itself, uncalled, to let the body run as it
 *   would; `rethrow(error)` makes the body throw. Its outcome is the body's: `after` and
 *   `onThrow` see it with `skipped` false, and `invoke()` runs the `around` hooks again.
 *   Calling `run()` needs a reinvocable entry, as `invoke()` does.
 * - `after` runs when the body returned (for async functions, when the promise fulfilled).
 *   `result` is the value; `replaceResult(value)` changes what the caller gets. For a
 *   constructor, `result` is the new instance.
 * - `onThrow` runs when the body threw (for async functions, when the promise rejected).
 *   Every `onThrow` hook runs, in order. `recover(value)` makes the call return `value`;
 *   `rethrow(error)` replaces the error: the later hooks see it as `error` (and `recovered`
 *   false), and the call throws it unless one of them recovers. With neither, the error
 *   propagates.
 * - `rethrow(error)` in `after` throws `error` from the call. Any other exception a hook
 *   throws is caught, counted on its handle and reported, never thrown into the application
 *   (an error of the body that reaches an `around` hook through `run()` stays the body's).
 * - While a hook runs, prepared functions it calls run dormant (no re-entry); the body that
 *   `invoke()` or `run()` runs again calls them with their hooks.
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
  /** At `onThrow`: an earlier hook recovered the call (its `result` is what the call returns). */
  readonly recovered: boolean;
  /** Per hook and per call: what `before` stores here, `after` and `onThrow` find again. */
  readonly state: Record<string, unknown>;
  skip(result: Result): void;
  replaceArgs(...args: Args): void;
  replaceResult(value: Result): void;
  recover(value: Result): void;
  rethrow(error: unknown): void;
  /**
   * Runs the original function again with the same `this` (and these arguments, or the
   * call's), without the `before`, `after` and `onThrow` hooks for that one call (the `around`
   * hooks do run: they stand for the body); returns what it returns. Only for entries that
   * are `reinvocable`; used by retries.
   */
  invoke(...args: unknown[]): unknown;
}

export interface Hooks {
  before?(ctx: CallContext): void;
  around?(ctx: CallContext, run: () => unknown): unknown;
  after?(ctx: CallContext): void;
  onThrow?(ctx: CallContext): void;
}
