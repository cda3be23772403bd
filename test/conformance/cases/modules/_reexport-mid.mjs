export * from './_reexport-base.mjs';
export { default as baseDefault, base as renamedBase } from './_reexport-base.mjs';
export * as baseNs from './_reexport-base.mjs';
export function mid() {
  return 'mid function';
}
