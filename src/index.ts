/** The public API of Kheiron in a process. */
export { attach, attachments, detachAll, functions, installRuntime } from './runtime/internal.js';
export type {
  AttachHandle,
  AttachOptions,
  CallContext,
  ControlPoint,
  FunctionEntry,
  HookErrorEvent,
  Hooks,
} from './runtime/internal.js';
export * from './engine/index.js';
