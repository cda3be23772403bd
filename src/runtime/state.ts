import { Registry } from './registry.js';
import type { AttachHandle } from './attach.js';

export interface RuntimeState {
  readonly registry: Registry;
  readonly handles: Set<AttachHandle>;
  /** Dispatch functions of the first copy of the runtime that was loaded. */
  readonly facade: Readonly<Record<'b' | 'r' | 't' | 's' | 'e' | 'c' | 'n', Function>>;
}

/**
 * One state per process, even when several copies of this package are loaded (the loader
 * by path, the application by package name): they meet at a registered symbol.
 */
const KEY = Symbol.for('kheiron.runtime.state');

export function runtimeState(init: () => RuntimeState): RuntimeState {
  const holder = globalThis as unknown as Record<symbol, RuntimeState | undefined>;
  return (holder[KEY] ??= init());
}
