import type { EmittedModule, FunctionEntry } from '../emitted.js';
import { attachHooks, selects, type AttachHandle, type AttachOptions } from './attach.js';
import { hideRuntimeFrames } from './frames.js';
import { entriesOf, type AttachTimeEditing, type ModuleSource, type Registry } from './registry.js';
import { compileSelector, type Selector } from './selector.js';
import { state } from './state.js';

/*
 * The runtime's entry for the rest of Kheiron (the loader, the agent, the engine, the
 * package's main entry). `kheiron/runtime` (index.ts) is the part that prepared code and
 * other realms need.
 */

export { installRuntime, runtimeAlias } from './realm.js';
export { compileGlob, compileSelector } from './selector.js';
export { defineSlot, NOT_COMPILED } from './registry.js';
export { MAX_MAPPED_SOURCE, preparedText } from './source-text.js';
// For the export patcher, whose wrappers run the whole attached path of a call.
export { shadowCall } from './dispatch.js';
export { unknownOption } from './did-you-mean.js';
export { OptionError } from './errors.js';
export type { AttachHandle, AttachOptions, HookErrorEvent } from './attach.js';
export type { FunctionEntry } from '../emitted.js';
export type { CallContext, ControlPoint, Hooks } from './hooks.js';
export type { AttachTimeEditing, ModuleRecord, ModuleSource, Registry, ScriptText } from './registry.js';
export type { Selector, SelectorFields } from './selector.js';

/** Attaches hooks to the functions `options.target` selects, now and in modules loaded later. */
export function attach(options: AttachOptions): AttachHandle {
  hideRuntimeFrames(() => state.handles.size > 0);
  return attachHooks(state.registry, state.handles, options);
}

/** The registry: every prepared function loaded so far, optionally filtered. */
export function functions(filter?: Selector): FunctionEntry[] {
  const matches = filter === undefined ? () => true : compileSelector(filter, 'functions() filter');
  return [...state.registry.entries()].filter(matches);
}

/** Handles attached and not yet detached, in attach order. */
export function attachments(): AttachHandle[] {
  return [...state.handles];
}

/** Detaches every handle: all functions dormant again. */
export function detachAll(): void {
  for (const handle of [...state.handles]) handle.detach();
}

/** The process's registry itself: for the agent, which registers functions it patches. */
export function runtimeRegistry(): Registry {
  return state.registry;
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
