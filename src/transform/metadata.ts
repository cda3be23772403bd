import {
  FLAG_ASYNC,
  FLAG_GENERATOR,
  FLAG_SAFE,
  FLAG_REINVOCABLE,
  FLAG_STATIC,
  FUNCTION_KINDS,
  PREPARED_AS,
  slotName,
  type EmittedFunction,
  type FunctionKind,
  type PreparedAs,
} from '../emitted.js';
import type { FunctionSite } from './collect.js';

/** Phase I metadata of one prepared function. */
export interface FunctionInfo {
  /** `<module prefix>:<index>`: stable as long as the file's path and content are. */
  id: string;
  index: number;
  name: string;
  kind: FunctionKind;
  async: boolean;
  generator: boolean;
  static: boolean;
  /** Declared safe for scheduled repairs by a `@kheiron-safe` tag in its leading comment. */
  safe: boolean;
  /** The engine can run the original again (`ctx.invoke`), e.g. for a retry. */
  reinvocable: boolean;
  params: number;
  line: number;
  column: number;
  prepared: PreparedAs;
  /** The global that holds this function's hook slot. */
  slot: string;
}

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
  const flags =
    (site.async ? FLAG_ASYNC : 0) |
    (site.generator ? FLAG_GENERATOR : 0) |
    (site.static ? FLAG_STATIC : 0) |
    (site.safe ? FLAG_SAFE : 0) |
    (site.self || site.shadow ? FLAG_REINVOCABLE : 0);
  return [site.name, FUNCTION_KINDS.indexOf(site.kind), flags, site.node.params.length, site.line, site.column, PREPARED_AS.indexOf(prepared)];
}
