import { FACADE_NAMES as N, RUNTIME_GLOBAL, type EmittedFacade } from '../emitted.js';
import type { Context } from './context.js';
import { defineRuntimeAlias } from './registry.js';
import type { HookSlot } from './slot.js';
import { installSourceText } from './source-text.js';
import { state } from './state.js';

/** A key no array has: generators bind their call context through it. */
const GENERATOR_CONTEXT = Symbol.for('kheiron.generator-context');

/**
 * Makes prepared code runnable in the realm of `globalObject` (the main realm, or a `vm`
 * context): defines the one global through which prepared code reaches the runtime.
 */
export function installRuntime(globalObject: object = globalThis): void {
  if (Object.prototype.hasOwnProperty.call(globalObject, RUNTIME_GLOBAL)) return;
  const { registry, dispatch } = state;
  const facade = Object.freeze({
    [N.defineModule]: (json: string) => void registry.define(json, globalObject),
    [N.before]: dispatch.before,
    [N.after]: dispatch.after,
    [N.onThrow]: dispatch.onThrow,
    [N.shadowCall]: dispatch.shadowCall,
    [N.entering]: dispatch.entering,
    [N.reconstruct]: dispatch.reconstruct,
    [N.generatorContext]: GENERATOR_CONTEXT,
  } satisfies EmittedFacade<HookSlot, Context>);
  const property = { value: facade, enumerable: false, configurable: false, writable: false };
  Object.defineProperty(globalObject, RUNTIME_GLOBAL, property);
  if (globalObject === globalThis) installSourceText(registry);
}

/** Makes the runtime reachable under `name` too (see `runtimeName`), in the main realm. */
export function runtimeAlias(name: string): void {
  installRuntime();
  defineRuntimeAlias(globalThis, name);
}
