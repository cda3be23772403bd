import { encodeFunction, slotName, type EmittedFunction, type FunctionMetadata, type PreparedAs } from '../emitted.js';
import type { FunctionSite } from './collect.js';

/** Phase I metadata of one prepared function, as the transform returns it (the module is the caller's). */
export type FunctionInfo = Omit<FunctionMetadata, 'module'>;

export function describe(site: FunctionSite, prefix: string, prepared: PreparedAs = preparedAs(site)): FunctionInfo {
  return {
    id: `${prefix}:${site.index}`,
    index: site.index,
    name: site.name,
    kind: site.kind,
    async: site.async,
    generator: site.generator,
    static: site.static,
    safe: site.safe,
    reinvocable: site.self !== undefined || site.shadow === true,
    params: site.node.params.length,
    line: site.line,
    column: site.column,
    prepared,
    slot: slotName(prefix, site.index),
  };
}

export function preparedAs(site: FunctionSite): PreparedAs {
  if (site.shadow) return 'shadow';
  if (site.reentry) return 'reentry';
  if (site.hoistConflict) return 'in-place-no-catch';
  if (site.generator && !site.beforeAtCall) return 'in-place-generator';
  return site.node.body.type === 'BlockStatement' ? 'in-place' : 'in-place-expression';
}

export function emitted(site: FunctionSite, prepared: PreparedAs = preparedAs(site)): EmittedFunction {
  return encodeFunction(describe(site, '', prepared));
}
