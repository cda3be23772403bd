import { RUNTIME_GLOBAL } from '../emitted.js';
import { attachHooks, selects, type AttachHandle, type AttachOptions } from './attach.js';
import { after, before, entering, onThrow, reconstruct, reenter, shadowCall } from './dispatch.js';
import { defineRuntimeAlias, entriesOf, Registry, type AttachTimeEditing, type FunctionEntry, type ModuleSource } from './registry.js';
import type { EmittedModule } from '../emitted.js';
import { compileTarget, type Target } from './selector.js';
import { hideRuntimeFrames } from './frames.js';
import { installSourceText } from './source-text.js';
import { runtimeState } from './state.js';

export type { AttachHandle, AttachOptions, HookErrorEvent } from './attach.js';
export type { CallContext, ControlPoint, Hooks } from './context.js';
export type { FunctionEntry } from './registry.js';
export type { Target } from './selector.js';
export { compileTarget, globToRegExp } from './selector.js';

const GENERATOR_CONTEXT = Symbol.for('kheiron.generator-context');

const state = runtimeState(() => ({
  registry: new Registry(),
  handles: new Set<AttachHandle>(),
  facade: { b: before, r: after, t: onThrow, s: shadowCall, e: entering, c: reenter, n: reconstruct },
}));

/**
 * Makes prepared code runnable in the realm of `globalObject` (the main realm, or a `vm`
 * context): defines the one global through which prepared code reaches the runtime.
 */
export function installRuntime(globalObject: object = globalThis): void {
  if (Object.prototype.hasOwnProperty.call(globalObject, RUNTIME_GLOBAL)) return;
  const { registry, facade } = state;
  const realm = Object.freeze({
    m: (json: string) => void registry.define(json, globalObject),
    b: facade.b,
    r: facade.r,
    t: facade.t,
    s: facade.s,
    e: facade.e,
    c: facade.c,
    n: facade.n,
    // a key no array has: generators bind their call context through it
    k: GENERATOR_CONTEXT,
  });
  Object.defineProperty(globalObject, RUNTIME_GLOBAL, { value: realm, enumerable: false, configurable: false, writable: false });
  if (globalObject === globalThis) installSourceText(registry);
}

/** Makes the runtime reachable under `name` too (see `runtimeName`), in the main realm. */
export function runtimeAlias(name: string): void {
  installRuntime();
  defineRuntimeAlias(globalThis, name);
}

/** Attaches hooks to the functions `options.target` selects, now and in modules loaded later. */
export function attach(options: AttachOptions): AttachHandle {
  hideRuntimeFrames(() => state.handles.size > 0);
  return attachHooks(state.registry, state.handles, options);
}

/** The registry: every prepared function loaded so far, optionally filtered. */
export function functions(filter?: Target): FunctionEntry[] {
  const matches = filter === undefined ? () => true : compileTarget(filter, 'functions() filter');
  return [...state.registry.entries()].filter(matches);
}

/** Handles attached and not yet detached, in attach order. */
export function attachments(): AttachHandle[] {
  return [...state.handles];
}

/** The process's registry itself: for the agent, which registers functions it patches. */
export function runtimeRegistry(): Registry {
  return state.registry;
}

/** Detaches every handle: all functions dormant again. */
export function detachAll(): void {
  for (const handle of [...state.handles]) handle.detach();
}

/**
 * For the loader, where Phase II happens at attach: whether a hook attached already selects
 * a function of `module`, which must then be prepared as it loads.
 */
export function selectedAtLoad(module: EmittedModule): boolean {
  if (state.handles.size === 0) return false;
  const entries = entriesOf(module);
  for (const handle of state.handles) {
    const matches = selects.get(handle);
    if (matches && entries.some(matches)) return true;
  }
  return false;
}

/** For the loader: registers a module that has no prologue, before it runs. */
export function defineModule(module: EmittedModule, source: ModuleSource): void {
  state.registry.define(module, globalThis, source);
}

/** For the loader: what edits functions prepared at attach into their scripts. */
export function setAttachTimeEditor(editor: AttachTimeEditing): void {
  state.registry.editor = editor;
}
