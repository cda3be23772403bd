import { INLINE, hasAround, runAround } from './around.js';
import { Context } from './context.js';
import type { ControlPoint } from './hooks.js';
import { constructOriginal, hooksRunning, takeBypass, type AttachedHook, type HookSlot } from './slot.js';

/*
 * The attached path: what prepared code calls once its slot check is taken (the members of
 * `RuntimeFacade` in src/emitted.ts): `before` at entry, `after` at each return, `onThrow`
 * in the catch, and the whole call for the shapes that run their body elsewhere; `before`
 * also runs the `around` hooks (around.ts). The
 * context's one-letter fields are those prepared code reads (`CONTEXT_NAMES`).
 */

// Captured at load: the application may replace builtins with prepared functions of its own.
const { apply } = Reflect;
const resolve = Promise.resolve.bind(Promise);
const then = Promise.prototype.then;

export function before(
  slot: HookSlot,
  thisArg: unknown,
  args: ArrayLike<unknown>,
  self?: Function,
): Context | undefined {
  if (takeBypass(slot)) return undefined;
  const hooks = slot.hooks;
  if (hooksRunning.depth !== 0 || hooks.length === 0) return undefined;
  const copy = new Array<unknown>(args.length);
  for (let i = 0; i < copy.length; i++) copy[i] = args[i];
  const ctx = new Context(slot, hooks, thisArg, copy, self);
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (!hook.before) continue;
    try {
      invoke(ctx, i, 'before', hook, hook.before);
    } catch (error) {
      // A rethrow in `before`: the call's outcome, as if the body had thrown it.
      ctx.by = i;
      return throws(ctx, error);
    }
    if (ctx.s) {
      ctx.by = i;
      return returns(ctx, ctx.r);
    }
  }
  return hasAround(hooks) ? around(ctx) : ctx;
}

/** The call's outcome is `value`, once the `after` (or `onThrow`) hooks saw it: prepared code returns `ctx.r`. */
function returns(ctx: Context, value: unknown): Context {
  ctx.s = true;
  ctx.r = after(ctx, value);
  return ctx;
}

/** The call throws `error`, unless an `onThrow` hook recovers: prepared code then returns `ctx.r`. */
function throws(ctx: Context, error: unknown): Context {
  ctx.s = true;
  ctx.r = runThrow(ctx, error);
  return ctx;
}

/** The `around` hooks of a call that goes on: the outcome one of them supplies is the body's. */
function around(ctx: Context): Context {
  let outcome: unknown;
  try {
    outcome = runAround(ctx, 0, ctx.a);
  } catch (error) {
    return throws(ctx, error);
  }
  return outcome === INLINE ? ctx : returns(ctx, outcome);
}

export function after(ctx: Context, value: unknown): unknown {
  if (ctx.entry.async && !ctx.entry.generator && isThenable(value)) {
    // The caller's promise adopts this one: after/onThrow see the settled outcome. A plain
    // value is already settled: no detour through a promise, no extra microtask turns.
    return apply(then, resolve(value), [
      (settled: unknown) => runAfter(ctx, settled),
      (error: unknown) => runThrow(ctx, error),
    ]);
  }
  return runAfter(ctx, value);
}

export function onThrow(ctx: Context, error: unknown): unknown {
  return runThrow(ctx, error);
}

/**
 * The attached path of a function prepared with a shadow: all three control points
 * around a call of the shadow, which holds a copy of the body. Written out, like `reconstruct`
 * below, rather than through a shared helper: every frame here is one more on the stack of
 * a deep recursion through an attached function.
 */
export function shadowCall(slot: HookSlot, thisArg: unknown, args: unknown[], shadow: Function): unknown {
  const ctx = before(slot, thisArg, args, shadow);
  if (ctx === undefined) return apply(shadow, thisArg, args);
  if (ctx.s) return ctx.r;
  let value: unknown;
  try {
    value = apply(shadow, thisArg, ctx.a);
  } catch (error) {
    return runThrow(ctx, error);
  }
  return after(ctx, value);
}

/** Whether a constructor prepared for reentry takes its attached path: not for the call the runtime makes itself. */
export function entering(slot: HookSlot): boolean {
  return !takeBypass(slot);
}

/** The attached path of a constructor prepared for reentry: the control points around constructing the class again. */
export function reconstruct(slot: HookSlot, args: unknown[], cls: Function, newTarget: Function): unknown {
  const ctx = before(slot, undefined, args, undefined);
  if (ctx === undefined) return constructOriginal(slot, cls, args, newTarget);
  if (ctx.s) return ctx.r;
  let value: unknown;
  try {
    value = constructOriginal(slot, cls, ctx.a, newTarget);
  } catch (error) {
    return runThrow(ctx, error);
  }
  return after(ctx, value);
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** A hook that returns a promise (an async hook): its rejection is the hook's failure, never an unhandled rejection. */
function settled(returned: unknown, hook: AttachedHook, point: ControlPoint, entry: Context['entry']): void {
  if (!isThenable(returned)) return;
  const fail = (error: unknown): void => {
    try {
      hook.failed(error, point, entry);
    } catch {
      // nowhere else to go
    }
  };
  (returned as PromiseLike<unknown>).then(undefined, fail);
}

function runAfter(ctx: Context, value: unknown): unknown {
  ctx.result = value;
  const hooks = ctx.hooks;
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (hook.after && i !== ctx.by) invoke(ctx, i, 'after', hook, hook.after);
  }
  return ctx.result;
}

function runThrow(ctx: Context, error: unknown): unknown {
  // Thrown by an `after` hook's rethrow: the body itself did not throw.
  if (ctx.point === 'after') throw error;
  ctx.error = error;
  return throwFrom(ctx, 0);
}

/**
 * The `onThrow` hooks from index `from` on. An async function's hook that recovers with a
 * promise (a retry) hands the later hooks its outcome: they run when it settles.
 */
function throwFrom(ctx: Context, from: number): unknown {
  const hooks = ctx.hooks;
  for (let i = from; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (!hook.onThrow || i === ctx.by) continue;
    try {
      invoke(ctx, i, 'onThrow', hook, hook.onThrow);
    } catch (replaced) {
      // rethrow: the error the later hooks see, and the call throws unless one recovers
      ctx.error = replaced;
      ctx.recovered = false;
    }
    if (ctx.recovered && ctx.entry.async && isThenable(ctx.result) && onThrowAfter(ctx, i)) {
      const next = i + 1;
      const fulfilled = (value: unknown): unknown => {
        ctx.result = value;
        return throwFrom(ctx, next);
      };
      const rejected = (failure: unknown): unknown => {
        ctx.recovered = false;
        ctx.error = failure;
        return throwFrom(ctx, next);
      };
      return apply(then, resolve(ctx.result), [fulfilled, rejected]);
    }
  }
  if (ctx.recovered) return ctx.result;
  throw ctx.error;
}

function onThrowAfter(ctx: Context, index: number): boolean {
  for (let i = index + 1; i < ctx.hooks.length; i++) if (ctx.hooks[i]!.onThrow && i !== ctx.by) return true;
  return false;
}

function invoke(
  ctx: Context,
  index: number,
  point: ControlPoint,
  hook: AttachedHook,
  fn: (ctx: Context) => void,
): void {
  ctx.point = point;
  ctx.running = index;
  hooksRunning.depth++;
  try {
    const returned: unknown = apply(fn, hook, [ctx]);
    if (returned !== undefined) settled(returned, hook, point, ctx.entry);
  } catch (error) {
    hook.failed(error, point, ctx.entry);
  } finally {
    hooksRunning.depth--;
  }
  const throwing = ctx.throwing;
  if (throwing) {
    ctx.throwing = undefined;
    throw throwing.error;
  }
}
