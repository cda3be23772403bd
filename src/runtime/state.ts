import type { RuntimeFacade } from '../emitted.js';
import type { AttachHandle } from './attach.js';
import type { Context } from './context.js';
import { after, before, entering, onThrow, reconstruct, shadowCall } from './dispatch.js';
import { Registry } from './registry.js';
import type { HookSlot } from './slot.js';

/** The members of the runtime's global that dispatch control points. */
export type Dispatch = Omit<RuntimeFacade<HookSlot, Context>, 'defineModule' | 'generatorContext'>;

export interface RuntimeState {
  readonly registry: Registry;
  readonly handles: Set<AttachHandle>;
  /** Dispatch functions of the first copy of the runtime that was loaded. */
  readonly dispatch: Dispatch;
}

/**
 * One state per process, even when several copies of this package are loaded (the loader
 * by path, the application by package name): they meet at a registered symbol.
 */
const KEY = Symbol.for('kheiron.runtime.state');

const holder = globalThis as unknown as Record<symbol, RuntimeState | undefined>;

export const state: RuntimeState = (holder[KEY] ??= {
  registry: new Registry(),
  handles: new Set(),
  dispatch: { before, after, onThrow, shadowCall, entering, reconstruct },
});
