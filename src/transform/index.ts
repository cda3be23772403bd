import { createHash } from 'node:crypto';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { prologueCall, RUNTIME_GLOBAL, runtimeName, type EmittedModule, type PreparedAs } from '../emitted.js';
import { classNodes, collectFunctions, type FunctionSite, type Node, type PositionMapper } from './collect.js';
import { applyInsertions, type Insertion } from './edits.js';
import { parse, type SourceType } from './parse.js';
import { describe, emitted, preparedAs, type FunctionInfo } from './metadata.js';
import { prepareFunction } from './prepare.js';
import { buildSourceMap, type SourceMap } from './sourcemap.js';

export { PrepareError } from './parse.js';
export type { SourceType } from './parse.js';
export type { SourceMap } from './sourcemap.js';
export type { FunctionInfo } from './metadata.js';

export interface PrepareOptions {
  /** Path or URL of the module; names it in the registry, in errors and in the source map. */
  filename: string;
  /** 'module' (ESM), 'commonjs' (a CommonJS module body) or 'script'. Default 'module'. */
  sourceType?: SourceType;
  /** A source map of `source` itself (from TypeScript, a bundler); the result maps through it. */
  inputSourceMap?: SourceMap;
  /**
   * Phase II at attach: leave every function that V8's LiveEdit can prepare later in its
   * original text (see `preparedAtLoad`), and emit no module prologue (the loader registers
   * the module itself). `edits` maps such functions (by index) to the variant of the
   * in-place shape that an attach has swapped in: the code is then the script as V8 runs it.
   * `leavesOnly`: only functions that contain no function or class are left for the attach.
   */
  defer?: { edits?: ReadonlyMap<number, number>; leavesOnly?: boolean };
  /** Constructors prepared at load may re-enter (see `ShapeOptions`); default true, never with `defer`. */
  reentry?: boolean;
}

export interface PrepareResult {
  code: string;
  /** Computed on first access: maps every token of `code` to its place in the input. */
  readonly map: SourceMap;
  functions: FunctionInfo[];
  prefix: string;
  /** The registry payload of the module (the prologue's, when one is emitted). */
  payload: EmittedModule;
  /** What was inserted into `source` to make `code`. */
  insertions: Insertion[];
}

/** The per-module prefix of slot names: a hash of the module's name, so ids survive restarts. */
export function modulePrefix(filename: string): string {
  return BigInt('0x' + createHash('sha256').update(filename).digest('hex').slice(0, 12))
    .toString(36)
    .padStart(9, '0')
    .slice(0, 9);
}

/**
 * Prepares every function of `source` (Phase I and II). Pure and synchronous.
 * Throws PrepareError, naming file, line and column, when the source does not parse.
 */
export function prepare(source: string, options: PrepareOptions): PrepareResult {
  const module = parseModule(source, options);
  const { filename, inputSourceMap } = options;
  const sourceType = options.sourceType ?? 'module';
  const { code, insertions } = module.render(options.defer?.edits);
  let map: SourceMap | undefined;
  return {
    code,
    get map() {
      return (map ??= buildSourceMap(source, filename, sourceType, insertions, inputSourceMap));
    },
    functions: module.functions,
    prefix: module.payload.prefix,
    payload: module.payload,
    insertions,
  };
}

/** A module parsed once and prepared at load, which attach-time edits render again. */
export interface ParsedModule {
  readonly functions: FunctionInfo[];
  readonly payload: EmittedModule;
  /** The functions as the transform found them, in source order (their index is their id). */
  readonly sites: readonly FunctionSite[];
  /**
   * The code with the functions of `edits` (index -> variant) prepared in place too, the
   * insertions of it all, and those of `edits` alone.
   */
  render(edits?: ReadonlyMap<number, number>): { code: string; insertions: Insertion[]; added: Insertion[] };
  /** The module's classes, which V8 compiles as function literals of their own. */
  classes(): readonly Node[];
}

export function parseModule(source: string, options: PrepareOptions): ParsedModule {
  const { filename, inputSourceMap } = options;
  const sourceType = options.sourceType ?? 'module';
  const { ast, comments } = parse(source, filename, sourceType);
  const sites = collectFunctions(
    ast,
    source,
    comments,
    sourceType === 'module',
    inputSourceMap && positionMapper(inputSourceMap),
  );
  const prefix = modulePrefix(filename);
  // V8 LiveEdit fails a check and aborts the process when it edits a script whose code runs
  // direct eval: such a module is prepared at load.
  const defer = options.defer !== undefined && !sites.some((site) => site.usesEval) && !/\beval\s*\(/.test(source);
  const runtime = runtimeName(source);
  const base: Insertion[] = [];
  const classes = defer && options.defer?.leavesOnly ? classNodes(ast as unknown as Node) : [];
  const prepared = prepareAtLoad(sites, { source, prefix, base, runtime, defer, options, classes });
  const payload: EmittedModule = {
    prefix,
    module: filename,
    functions: sites.map((site, i) => emitted(site, prepared[i]!)),
  };
  if (runtime !== RUNTIME_GLOBAL) payload.runtime = runtime;
  if (!defer && sites.length > 0) base.push(prologue(ast.body as unknown as Node[], source, sourceType, payload));
  return {
    functions: sites.map((site, i) => describe(site, prefix, prepared[i]!)),
    payload,
    sites,
    render: (edits) => render(edits, { sites, prepared, source, prefix, base, runtime, filename }),
    classes: () => classNodes(ast as unknown as Node),
  };
}

interface Shaping {
  readonly source: string;
  readonly prefix: string;
  /** The insertions of the load-time shapes: filled in here. */
  readonly base: Insertion[];
  readonly runtime: string;
}

/**
 * Prepares at load what must be (all of it without `defer`), and says how each function is
 * prepared; the others stay their original text, for an attach to edit in.
 */
function prepareAtLoad(
  sites: readonly FunctionSite[],
  at: Shaping & { defer: boolean; options: PrepareOptions; classes: readonly Node[] },
): PreparedAs[] {
  const { options, classes } = at;
  const leaf = (site: FunctionSite): boolean =>
    !site.hasNested && !classes.some((c) => c.start > site.node.start && c.end <= site.node.end);
  return sites.map((site) => {
    if (!at.defer || preparedAtLoad(site) || (options.defer?.leavesOnly && !leaf(site))) {
      prepareFunction(site, at.source, at.prefix, at.base, {
        reentry: options.defer === undefined && options.reentry !== false,
        runtime: at.runtime,
      });
      return preparedAs(site);
    }
    // Attach-time functions name themselves nowhere: a new reference would change a surrounding
    // scope. A method of a named class (not a constructor) is found on `this` instead.
    site.self = site.self && site.kind !== 'constructor' && site.self.includes('.') ? site.self : undefined;
    return 'at-attach';
  });
}

/** The module's code with the functions of `edits` (index -> text variant) edited in. */
function render(
  edits: ReadonlyMap<number, number> | undefined,
  at: Shaping & { sites: readonly FunctionSite[]; prepared: readonly PreparedAs[]; filename: string },
): { code: string; insertions: Insertion[]; added: Insertion[] } {
  const added: Insertion[] = [];
  for (const [index, variant] of edits ?? []) {
    if (at.prepared[index] !== 'at-attach')
      throw new Error(`internal: function ${index} of ${at.filename} is not prepared at attach`);
    prepareFunction({ ...at.sites[index]!, self: undefined }, at.source, at.prefix, added, {
      mode: 'live-edit',
      variant,
      runtime: at.runtime,
    });
  }
  const insertions = [...at.base, ...added];
  return { code: insertions.length === 0 ? at.source : applyInsertions(at.source, insertions), insertions, added };
}

/**
 * With Phase II at attach, which functions are still prepared at load: those V8's LiveEdit
 * cannot reach reliably later. An async function or a generator with a suspended activation
 * refuses an edit (and V8 does not inline either, so the load-time check costs them little);
 * an arrow with an expression body would need its end moved.
 */
function preparedAtLoad(site: FunctionSite): boolean {
  return site.async || site.generator || site.node.body.type !== 'BlockStatement';
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
  // A module's own scope may hold a variable of the runtime's name: a CommonJS prologue uses the
  // other name (which the loader defines), an ES module's runs in its own module and defines it.
  const call = prologueCall(sourceType === 'module' ? RUNTIME_GLOBAL : (module.runtime ?? RUNTIME_GLOBAL), module);
  const start = source.startsWith('#!') ? lineEnd(source) : 0;
  if (sourceType === 'module') {
    const url = `data:text/javascript;base64,${Buffer.from(call).toString('base64')}`;
    // After a hashbang line, the import goes at the start of the next line.
    return {
      pos: start === 0 ? 0 : start + lineBreakLength(source, start),
      closing: false,
      depth: -1,
      text: `import ${JSON.stringify(url)};`,
    };
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
