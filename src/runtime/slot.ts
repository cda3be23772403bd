import type { FunctionEntry } from '../emitted.js';
import type { ControlPoint, Hooks } from './hooks.js';

/*
 * The hook slot, the hooks it holds, and the bypass protocol: what the registry installs,
 * the dispatch reads, and the call context uses to run a function's original again.
 */

/** A hook as installed in a slot: the callbacks plus what orders and accounts for them. */
export interface AttachedHook extends Hooks {
  readonly order: number;
  readonly priority: number;
  /** Called with the hook's own exception; the runtime goes on as if the hook did nothing. */
  failed(error: unknown, point: ControlPoint, entry: FunctionEntry): void;
}

/**
 * What a hook slot global holds while hooks are attached: prepared code passes it back to
 * the runtime. `hooks` is replaced, never mutated, so a call in flight keeps its list.
 */
export class HookSlot {
  hooks: readonly AttachedHook[] = [];
  /** The bypass mark: the next call of this function is the runtime's own, and runs dormant. */
  bypass = false;
  constructor(readonly entry: FunctionEntry) {}
}

/*
 * The bypass protocol. The runtime runs a function's original again (`ctx.invoke()`, and a
 * constructor prepared for reentry) by marking the function's slot and calling it; that call
 * takes the mark off at its `before` (or `entering`) and runs dormant; the mark is cleared
 * when the call returns or throws, whether or not the call reached its check.
 */

// Captured at load: the application may replace builtins with prepared functions of its own.
const { apply, construct } = Reflect;

/** `depth` > 0 while a hook runs: prepared functions that hooks call then run dormant. */
export const hooksRunning = { depth: 0 };

/**
 * Runs the original function again, dormant for this one call (what `ctx.invoke` does at the
 * end). The functions the body calls are not a hook's: their hooks run.
 */
export function invokeOriginal(slot: HookSlot, self: Function, thisArg: unknown, args: unknown[]): unknown {
  const depth = hooksRunning.depth;
  hooksRunning.depth = 0;
  slot.bypass = true;
  try {
    return apply(self, thisArg, args);
  } finally {
    slot.bypass = false;
    hooksRunning.depth = depth;
  }
}

/** The same for a constructor: the class is constructed again, with the same new.target. */
export function constructOriginal(slot: HookSlot, cls: Function, args: unknown[], newTarget: Function): unknown {
  const depth = hooksRunning.depth;
  hooksRunning.depth = 0;
  slot.bypass = true;
  try {
    return construct(cls, args, newTarget);
  } finally {
    slot.bypass = false;
    hooksRunning.depth = depth;
  }
}

/** Whether this call is the runtime's own (its slot is marked); takes the mark off. */
export function takeBypass(slot: HookSlot): boolean {
  if (!slot.bypass) return false;
  slot.bypass = false;
  return true;
}
