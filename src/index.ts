/** The public API of Kheiron in a process. */
export { attach, attachments, detachAll, functions, installRuntime } from './runtime/index.js';
export type { AttachHandle, AttachOptions, CallContext, ControlPoint, FunctionEntry, HookErrorEvent, Hooks, Target } from './runtime/index.js';
export * from './engine/index.js';
