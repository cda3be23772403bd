import { createHash } from 'node:crypto';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { RUNTIME_GLOBAL, type EmittedModule } from '../emitted.js';
import { collectFunctions, type Node, type PositionMapper } from './collect.js';
import { applyInsertions, type Insertion } from './edits.js';
import { parse, type SourceType } from './parse.js';
import { describe, emitted, type FunctionInfo } from './metadata.js';
import { prepareFunction } from './prepare.js';
import { buildSourceMap, type SourceMap } from './sourcemap.js';

export { InstrumentParseError } from './parse.js';
export type { SourceType } from './parse.js';
export type { SourceMap } from './sourcemap.js';
export type { FunctionInfo } from './metadata.js';

export interface InstrumentOptions {
  /** Path or URL of the module; names it in the registry, in errors and in the source map. */
  filename: string;
  /** 'module' (ESM), 'commonjs' (a CommonJS module body) or 'script'. Default 'module'. */
  sourceType?: SourceType;
  /** A source map of `source` itself (from TypeScript, a bundler); the result maps through it. */
  inputSourceMap?: SourceMap;
}

export interface InstrumentResult {
  code: string;
  /** Computed on first access: maps every token of `code` to its place in the input. */
  readonly map: SourceMap;
  functions: FunctionInfo[];
  prefix: string;
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
    return { code: source, get map() { return buildSourceMap(source, filename, sourceType, [], inputSourceMap); }, functions: [], prefix };
  }
  const insertions: Insertion[] = [];
  for (const site of sites) prepareFunction(site, source, prefix, insertions);
  const functions = sites.map((site) => describe(site, prefix));
  const payload: EmittedModule = { prefix, module: filename, functions: sites.map((site) => emitted(site)) };
  insertions.push(prologue(ast.body as unknown as Node[], source, sourceType, payload));
  const code = applyInsertions(source, insertions);
  let map: SourceMap | undefined;
  return {
    code,
    get map() {
      return (map ??= buildSourceMap(source, filename, sourceType, insertions, inputSourceMap));
    },
    functions,
    prefix,
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
