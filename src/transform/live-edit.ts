import { slotName, type EmittedModule, type FunctionMetadata } from '../emitted.js';
import { children, collectFunctions, type FunctionSite, type Node } from './collect.js';
import { applyInsertions, type Insertion } from './edits.js';
import { modulePrefix } from './index.js';
import { emitted } from './metadata.js';
import { parse, type SourceType } from './parse.js';
import { prepareFunction } from './prepare.js';
import { v8Diff, type Change } from './v8-diff.js';

/** One function of a script that runs already, as a candidate for an in-place edit. */
export interface LiveEditFunction
  extends Pick<FunctionMetadata, 'index' | 'name' | 'kind' | 'async' | 'generator' | 'line' | 'column'> {
  /** Index of the outermost function that contains this one (its own index at top level). */
  group: number;
  /** Index of the innermost function that contains this one. */
  parent?: number;
  /** Why no edit can include this function; undefined when one may. */
  excluded?: string;
}

export interface LiveEditPlan {
  functions: LiveEditFunction[];
  /**
   * The script with the functions applied so far and those of `chosen` (indices into
   * `functions`) prepared in place; the registry payloads that define the slots of the newly
   * chosen (one per function, so that a function's edit reads the same whatever else is
   * edited); and their new text, as `Function.prototype.toString` will show it.
   * Functions whose edit V8 would not map onto their existing closures, from the script as it
   * runs now, are left out: `chosen` is what was prepared, `displaced` what was left out for
   * that reason (see `misplaced`).
   */
  render(chosen: readonly number[]): Rendered;
  /** Whether function `outer` contains function `inner`. */
  encloses(outer: number, inner: number): boolean;
  /** Records that V8 runs `rendered.code` now: later renders edit that. */
  applied(rendered: Rendered): void;
}

export interface Rendered {
  chosen: number[];
  code: string;
  modules: string[];
  slots: string[];
  texts: string[];
  displaced: number[];
}

/**
 * Plans the in-place preparation of a script that runs already, for V8's LiveEdit
 * (`Debugger.setScriptSource`). V8 maps the functions of the old script onto the new one by
 * their positions, from its own diff of the two texts, and by their scopes: an edit that
 * moves a function's boundary or gives a surrounding scope a captured variable leaves the
 * function's closures on their old code. So an edit prepares the in-place shape only (no
 * shadows, no reentry), inserts nothing outside function bodies, names a function from
 * inside only where it is an exported declaration of an ES module, and is checked against
 * V8's diff before it is used (see `misplaced`).
 */
export function planLiveEdit(source: string, options: { filename: string; sourceType: SourceType }): LiveEditPlan {
  const { ast, comments } = parse(source, options.filename, options.sourceType);
  const sites = collectFunctions(ast, source, comments, options.sourceType === 'module');
  const prefixes = sites.map((_, index) => modulePrefix(`${options.filename}#live-edit:${index}`));
  const exported = exportedDeclarations(ast.body as unknown as Node[]);
  // Every function literal V8 sees: the functions, and the classes (a class is its constructor's literal).
  const boundaries = [...sites.flatMap(({ node }) => [literalStart(node, source), node.end]), ...classes(ast as unknown as Node).flatMap((c) => [c.start, c.end])];
  boundaries.sort((x, y) => x - y);
  const encloses = (outer: number, inner: number): boolean => {
    for (let p = parents[inner]; p !== undefined; p = parents[p]) if (p === outer) return true;
    return false;
  };
  // What V8 runs now: the functions of earlier edits, their texts, and the diff cache for it.
  const variants = new Map<number, number>();
  let done: number[] = [];
  let current = source;
  let cache = new Map<string, Change[]>();
  let before: Insertion[] = [];
  /** Whether V8, editing what it runs now into the script with `chosen` prepared too, maps every function onto its new place. */
  const keepsBoundaries = (chosen: number[]): boolean => {
    // Positions in the current text: shifted by what earlier edits inserted before them.
    const inCurrent = (position: number): number => position + inserted(before, position);
    const added = build(chosen).insertions.map((i) => ({ ...i, pos: inCurrent(i.pos) }));
    return !misplaced(v8Diff(current, build([...done, ...chosen].sort((a, b) => a - b)).code, cache), boundaries.map(inCurrent), added);
  };
  interface Built {
    code: string;
    insertions: Insertion[];
    modules: string[];
    nodes: Node[];
  }
  const build = (chosen: number[]): Built => {
    const insertions: Insertion[] = [];
    const modules: string[] = [];
    const nodes = chosen.map((index) => {
      const original = sites[index]!;
      const site: FunctionSite = { ...original, index: 0, self: exported.has(original.node) ? original.self : undefined };
      prepareFunction(site, source, prefixes[index]!, insertions, { mode: 'live-edit', variant: variants.get(index) ?? 0 });
      const payload: EmittedModule = { prefix: prefixes[index]!, module: options.filename, functions: [emitted(site, 'live-edit')] };
      modules.push(JSON.stringify(payload));
      return site.node;
    });
    return { code: applyInsertions(source, insertions), insertions, modules, nodes };
  };
  const groups: number[] = [];
  const parents: (number | undefined)[] = [];
  const open: FunctionSite[] = [];
  const functions = sites.map((site, index): LiveEditFunction => {
    while (open.length > 0 && open[open.length - 1]!.node.end <= site.node.start) open.pop();
    groups[index] = open.length > 0 ? groups[open[0]!.index]! : index;
    parents[index] = open.length > 0 ? open[open.length - 1]!.index : undefined;
    open.push(site);
    return {
      index,
      name: site.name,
      kind: site.kind,
      async: site.async,
      generator: site.generator,
      line: site.line,
      column: site.column,
      group: groups[index]!,
      parent: parents[index],
      excluded:
        site.node.body.type !== 'BlockStatement'
          ? 'an arrow function with an expression body: preparing it changes where the function ends, which V8 LiveEdit cannot map'
          : site.kind === 'constructor'
            ? "a class constructor: V8 LiveEdit maps it by the whole class's text, which it does not keep in place"
            : undefined,
    };
  });
  return {
    functions,
    encloses,
    render(requested) {
      // Each function joins with the first of its texts that keeps every boundary in place.
      const accepted: number[] = [];
      const displaced: number[] = [];
      // Innermost first: V8 leaves the closures of a function whose enclosing function changes
      // too on their old code, and the inner function (a handler, a callback) is the one that runs.
      for (const index of [...requested].sort((a, b) => b - a)) {
        if (!sites[index] || functions[index]!.excluded || done.includes(index)) throw new Error(`internal: function ${index} cannot be edited`);
        const enclosing = [...done, ...accepted].some((other) => encloses(index, other));
        let fits = false;
        for (let variant = 0; variant < VARIANTS && !fits && !enclosing; variant++) {
          variants.set(index, variant);
          fits = keepsBoundaries([...accepted, index].sort((a, b) => a - b));
        }
        if (fits) accepted.push(index);
        else {
          variants.delete(index);
          displaced.push(index);
        }
      }
      accepted.sort((a, b) => a - b);
      displaced.sort((a, b) => a - b);
      const all = build([...done, ...accepted].sort((a, b) => a - b));
      const mine = build(accepted);
      const texts = mine.nodes.map(({ start, end }) =>
        applyInsertions(
          source.slice(start, end),
          mine.insertions.filter((i) => i.pos > start && i.pos < end).map((i) => ({ ...i, pos: i.pos - start })),
        ),
      );
      const slots = accepted.map((index) => slotName(prefixes[index]!, 0));
      return { chosen: accepted, code: all.code, modules: mine.modules, slots, texts, displaced };
    },
    applied(rendered) {
      done = [...done, ...rendered.chosen].sort((a, b) => a - b);
      current = rendered.code;
      before = build(done).insertions;
      cache = new Map();
    },
  };
}

/**
 * Whether the edit makes V8 lose a function boundary. V8 maps each function by its old
 * positions, shifted by the changes of its diff before them; a boundary inside a change, or
 * shifted otherwise than the edit shifted it, is lost. V8 then keeps the function's existing
 * closures on their old code (a damaged literal) and recompiles the code around it, which a
 * dry run reports only where that is an ES module's top level. V8's diff goes by characters
 * and can match a function's own brace or parenthesis with an inserted one: it is not the
 * edit's own account of what it inserted where.
 */
export function misplaced(changes: Change[], boundaries: number[], insertions: Insertion[]): boolean {
  let change = 0;
  let delta = 0;
  let insertion = 0;
  let shift = 0;
  for (const position of boundaries) {
    while (change < changes.length && changes[change]!.end < position) {
      const c = changes[change++]!;
      delta += c.newEnd - c.newStart - (c.end - c.start);
    }
    const next = changes[change];
    if (next && next.start < position && next.end >= position) return true;
    // Insertions are sorted by position (applyInsertions sorts them).
    while (insertion < insertions.length && insertions[insertion]!.pos < position) shift += insertions[insertion++]!.text.length;
    if (delta !== shift) return true;
  }
  return false;
}

/** How much text `insertions` put before `position`. */
function inserted(insertions: Insertion[], position: number): number {
  let length = 0;
  for (const insertion of insertions) if (insertion.pos < position) length += insertion.text.length;
  return length;
}

/** How many padded texts of a function's edit to try. */
export const VARIANTS = 8;

export function classes(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') found.push(node);
  for (const child of children(node)) classes(child, found);
  return found;
}

/** V8's start of a function literal: its parameter list (or an arrow's first parameter). */
export function literalStart(node: Node, source: string): number {
  if (node.type === 'ArrowFunctionExpression') return node.async ? node.start + 5 + source.slice(node.start + 5).search(/\S/) : node.start;
  return source.indexOf('(', (node.id as Node | null)?.end ?? node.start);
}

/**
 * An exported function declaration of an ES module is bound in the module's environment
 * already; naming it from inside captures nothing new. Any other name would become a
 * captured variable of some scope, which V8 LiveEdit treats as a changed scope.
 */
function exportedDeclarations(body: Node[]): Set<unknown> {
  const found = new Set<unknown>();
  for (const statement of body) {
    const declaration = (statement as { declaration?: Node }).declaration;
    if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && declaration?.type === 'FunctionDeclaration') found.add(declaration);
  }
  return found;
}
