import type { Context } from './context.js';
import { hooksRunning, invokeOriginal, type AttachedHook } from './slot.js';

/*
 * The `around` hooks: what stands for the body of a call, after every `before`. They run in
 * the hooks' order, each with `run`, the hooks after it and then the body; `ctx.invoke()`
 * runs them again from the first.
 */

const { apply } = Reflect;

/** What `runAround` answers when every `around` hook let the body run as it would. */
export const INLINE: unique symbol = Symbol('kheiron.inline');

export function hasAround(hooks: readonly AttachedHook[]): boolean {
  for (let i = 0; i < hooks.length; i++) if (hooks[i]!.around) return true;
  return false;
}

/**
 * The `around` hooks from index `from` on, the first one that takes the call supplying its
 * outcome; `run` stands for the hooks after it and the body. Throws the body's error.
 */
export function runAround(ctx: Context, from: number, args: unknown[]): unknown {
  const hooks = ctx.hooks;
  for (let i = from; i < hooks.length; i++) {
    const hook = hooks[i]!;
    if (!hook.around) continue;
    const outcome = aroundOne(ctx, i, hook, args);
    if (outcome !== INLINE) return outcome;
  }
  return INLINE;
}

/** Runs the `around` hooks from index `from` on and the body: what `ctx.invoke()` and `run()` do. */
export function proceed(ctx: Context, from: number, args: unknown[]): unknown {
  const outcome = runAround(ctx, from, args);
  return outcome === INLINE ? invokeOriginal(ctx.slot, ctx.original(), ctx.this, args) : outcome;
}

/** One `around` hook: its outcome, or INLINE when it returned `run` (or failed as a hook). */
function aroundOne(ctx: Context, index: number, hook: AttachedHook, args: unknown[]): unknown {
  let bodyError: { error: unknown } | undefined;
  const run = (): unknown => {
    ctx.original(); // a hook's misuse, not the body's error, where the function cannot be run again
    try {
      return proceed(ctx, index + 1, args);
    } catch (error) {
      bodyError = { error };
      throw error;
    }
  };
  const { point, running } = ctx;
  ctx.point = 'around';
  ctx.running = index;
  hooksRunning.depth++;
  let outcome: unknown = run;
  try {
    outcome = apply(hook.around!, hook, [ctx, run]);
  } catch (error) {
    if (bodyError?.error === error) throw error;
    hook.failed(error, 'around', ctx.entry);
  } finally {
    hooksRunning.depth--;
    ctx.point = point;
    ctx.running = running;
  }
  const throwing = ctx.throwing;
  if (throwing) {
    ctx.throwing = undefined;
    throw throwing.error;
  }
  return outcome === run ? INLINE : outcome;
}
