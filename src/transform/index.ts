import { createHash } from 'node:crypto';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import {
  FLAG_ASYNC,
  FLAG_GENERATOR,
  FLAG_SAFE,
  FLAG_REINVOCABLE,
  FLAG_STATIC,
  FUNCTION_KINDS,
  PREPARED_AS,
  RUNTIME_GLOBAL,
  slotName,
  type EmittedFunction,
  type EmittedModule,
  type FunctionKind,
  type PreparedAs,
} from '../emitted.js';
import { collectFunctions, type FunctionSite, type Node, type PositionMapper } from './collect.js';
import { applyInsertions, type Insertion } from './edits.js';
import { parse, type SourceType } from './parse.js';
import { prepareFunction } from './prepare.js';
import { buildSourceMap, type SourceMap } from './sourcemap.js';

export { InstrumentParseError } from './parse.js';
export type { SourceType } from './parse.js';
export type { SourceMap } from './sourcemap.js';

export interface InstrumentOptions {
  /** Path or URL of the module; names it in the registry, in errors and in the source map. */
  filename: string;
  /** 'module' (ESM), 'commonjs' (a CommonJS module body) or 'script'. Default 'module'. */
  sourceType?: SourceType;
  /** A source map of `source` itself (from TypeScript, a bundler); the result maps through it. */
  inputSourceMap?: SourceMap;
  /**
   * Emit the module prologue that registers the functions (default true). Without it the
   * caller registers `module` itself: for code edited in place over V8's LiveEdit.
   */
  prologue?: boolean;
  /**
   * No shadows: code edited in place over V8's LiveEdit may not gain function literals
   * (an ES module's own code would change). Default true.
   */
  shadows?: boolean;
}

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

export interface InstrumentResult {
  code: string;
  /** Computed on first access: maps every token of `code` to its place in the input. */
  readonly map: SourceMap;
  functions: FunctionInfo[];
  prefix: string;
  /** The registry payload the prologue carries (JSON), for callers that register it themselves. */
  module: string;
}

/** The per-module prefix of slot names: a hash of the module's name, so ids survive restarts. */
export function modulePrefix(filename: string): string {
  return BigInt('0x' + createHash('sha256').update(filename).digest('hex').slice(0, 12)).toString(36).padStart(9, '0').slice(0, 9);
}

/**
 * Prepares every function of `source` (Phase I and II). Pure and synchronous.
 * Throws InstrumentParseError, naming file, line and column, when the source does not parse.
 */
export function instrument(source: string, options: InstrumentOptions): InstrumentResult {
  const { filename, inputSourceMap } = options;
  const sourceType = options.sourceType ?? 'module';
  const { ast, comments } = parse(source, filename, sourceType);
  const sites = collectFunctions(ast, source, comments, sourceType === 'module', inputSourceMap && positionMapper(inputSourceMap));
  const prefix = modulePrefix(filename);
  if (sites.length === 0) {
    return { code: source, get map() { return buildSourceMap(source, filename, sourceType, [], inputSourceMap); }, functions: [], prefix, module: JSON.stringify({ prefix, module: filename, functions: [] }) };
  }
  const insertions: Insertion[] = [];
  for (const site of sites) prepareFunction(site, source, prefix, insertions, options.shadows !== false);
  const functions = sites.map((site) => describe(site, prefix));
  const payload: EmittedModule = { prefix, module: filename, functions: sites.map(emitted) };
  if (options.prologue !== false) insertions.push(prologue(ast.body as unknown as Node[], source, sourceType, payload));
  const code = applyInsertions(source, insertions);
  let map: SourceMap | undefined;
  return {
    code,
    get map() {
      return (map ??= buildSourceMap(source, filename, sourceType, insertions, inputSourceMap));
    },
    functions,
    prefix,
    module: JSON.stringify(payload),
  };
}

/** With an input map (TypeScript, a bundler), the registry names the original positions. */
function positionMapper(inputSourceMap: SourceMap): PositionMapper | undefined {
  let map: TraceMap;
  try {
    map = new TraceMap(inputSourceMap as never);
  } catch {
    return undefined;
  }
  return (line, column) => {
    const original = originalPositionFor(map, { line, column });
    return original.line === null ? { line, column } : { line: original.line, column: original.column };
  };
}

function describe(site: FunctionSite, prefix: string): FunctionInfo {
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
    prepared: preparedAs(site),
    slot: slotName(prefix, site.index),
  };
}

function preparedAs(site: FunctionSite): PreparedAs {
  if (site.shadow) return 'shadow';
  if (site.reentry) return 'reentry';
  if (site.hoistConflict) return 'in-place-no-catch';
  if (site.generator && !site.beforeAtCall) return 'in-place-generator';
  return site.node.body.type === 'BlockStatement' ? 'in-place' : 'in-place-expression';
}

function emitted(site: FunctionSite): EmittedFunction {
  const flags =
    (site.async ? FLAG_ASYNC : 0) |
    (site.generator ? FLAG_GENERATOR : 0) |
    (site.static ? FLAG_STATIC : 0) |
    (site.safe ? FLAG_SAFE : 0) |
    (site.self || site.shadow ? FLAG_REINVOCABLE : 0);
  return [site.name, FUNCTION_KINDS.indexOf(site.kind), flags, site.node.params.length, site.line, site.column, PREPARED_AS.indexOf(preparedAs(site))];
}

/**
 * Defines the module's hook slots and registry entries before any of its functions can run.
 * An ES module does it in an imported data: module, which is evaluated before this module
 * and before any module of an import cycle could call into it.
 */
function prologue(body: Node[], source: string, sourceType: SourceType, module: EmittedModule): Insertion {
  const call = `${RUNTIME_GLOBAL}.m(${JSON.stringify(JSON.stringify(module))});`;
  const start = source.startsWith('#!') ? lineEnd(source) : 0;
  if (sourceType === 'module') {
    const url = `data:text/javascript;base64,${Buffer.from(call).toString('base64')}`;
    // After a hashbang line, the import goes at the start of the next line.
    return { pos: start === 0 ? 0 : start + lineBreakLength(source, start), closing: false, depth: -1, text: `import ${JSON.stringify(url)};` };
  }
  // A script or CommonJS body: after its directives, so that "use strict" stays a directive.
  let last: Node | undefined;
  for (const statement of body) {
    if (statement.directive === undefined) break;
    last = statement;
  }
  if (last) return { pos: last.end, closing: false, depth: -1, text: `;${call}` };
  return { pos: start === 0 ? 0 : start + lineBreakLength(source, start), closing: false, depth: -1, text: call };
}

function lineEnd(source: string): number {
  const m = /[\n\r\u2028\u2029]/.exec(source);
  return m ? m.index : source.length;
}

function lineBreakLength(source: string, at: number): number {
  return source.startsWith('\r\n', at) ? 2 : at < source.length ? 1 : 0;
}
