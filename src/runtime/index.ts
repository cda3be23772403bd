/*
 * `kheiron/runtime`: what prepared code needs in a realm (the main one, a `vm` context), and
 * the interface it reaches the runtime through. The rest of Kheiron uses ./internal.ts.
 */
export { installRuntime } from './realm.js';
export type { EmittedContext, EmittedFacade, PreparedContext, RuntimeFacade } from '../emitted.js';
