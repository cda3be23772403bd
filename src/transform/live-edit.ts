import { slotName, type EmittedModule, type FunctionKind } from '../emitted.js';
import { collectFunctions, type FunctionSite, type Node } from './collect.js';
import { applyInsertions, type Insertion } from './edits.js';
import { modulePrefix } from './index.js';
import { emitted } from './metadata.js';
import { parse, type SourceType } from './parse.js';
import { prepareFunction } from './prepare.js';
import { v8Diff, type Change } from './v8-diff.js';

/** One function of a script that runs already, as a candidate for an in-place edit. */
export interface LiveEditFunction {
  /** Position among the script's functions, in source order. */
  index: number;
  name: string;
  kind: FunctionKind;
  async: boolean;
  generator: boolean;
  line: number;
  column: number;
  /** Index of the outermost function that contains this one (its own index at top level). */
  group: number;
  /** Why no edit can include this function; undefined when one may. */
  excluded?: string;
}

export interface LiveEditPlan {
  prefix: string;
  functions: LiveEditFunction[];
  /**
   * The script with the functions `chosen` (indices into `functions`) prepared in place, and
   * the registry payload that defines their slots (numbered within `chosen`), and the new
   * text of each chosen function, as `Function.prototype.toString` will show it.
   * Functions whose edit V8 would not map onto their existing closures are left out: `chosen`
   * is what was prepared, `displaced` what was left out for that reason (see `misplaced`).
   */
  render(chosen: readonly number[]): { chosen: number[]; code: string; module: string; slots: string[]; texts: string[]; displaced: number[] };
}

/**
 * V8's LiveEdit (`Debugger.setScriptSource`) maps the functions of the old script to those of
 * the new one by their positions, from a diff of the two texts. A function whose end is
 * touched by the diff, or whose surrounding scopes gain a captured variable, cannot be
 * mapped: V8 then recompiles the code around it instead, which for an ES module is its
 * top-level code, and refuses. So an edit prepares the in-place shape only (no shadows, no
 * reentry), inserts nothing outside function bodies, and names a function from inside only
 * where the name is an exported declaration of an ES module.
 */
export function planLiveEdit(source: string, options: { filename: string; sourceType: SourceType }): LiveEditPlan {
  const { ast, comments } = parse(source, options.filename, options.sourceType);
  const sites = collectFunctions(ast, source, comments, options.sourceType === 'module');
  const prefix = modulePrefix(options.filename);
  const exported = exportedDeclarations(ast.body as unknown as Node[]);
  // Every function literal V8 sees: the functions, and the classes (a class is its constructor's literal).
  const boundaries: Boundary[] = [
    ...sites.flatMap(({ node }, index) => [literalStart(node, source), node.end].map((position) => ({ position, owner: index }))),
    ...classes(ast as unknown as Node).flatMap((c) => [c.start, c.end].map((position) => ({ position, owner: -1 }))),
  ];
  const lines = lineStarts(source);
  const groups: number[] = [];
  const open: FunctionSite[] = [];
  const functions = sites.map((site, index): LiveEditFunction => {
    while (open.length > 0 && open[open.length - 1]!.node.end <= site.node.start) open.pop();
    groups[index] = open.length > 0 ? groups[open[0]!.index]! : index;
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
      excluded: site.node.body.type === 'BlockStatement' ? undefined : 'an arrow function with an expression body: preparing it changes where the function ends, which V8 LiveEdit cannot map',
    };
  });
  return {
    prefix,
    functions,
    render(requested) {
      let chosen = [...requested];
      const displaced: number[] = [];
      for (;;) {
        const insertions: Insertion[] = [];
        const payload: EmittedModule = { prefix, module: options.filename, functions: [] };
        const owners: number[] = [];
        const nodes = chosen.map((index, slot) => {
          const original = sites[index];
          if (!original || functions[index]!.excluded) throw new Error(`internal: function ${index} cannot be edited`);
          const site: FunctionSite = { ...original, index: slot, self: exported.has(original.node) ? original.self : undefined };
          const before = insertions.length;
          prepareFunction(site, source, prefix, insertions, 'live-edit');
          owners.push(...insertions.slice(before).map(() => index));
          payload.functions.push(emitted(site, 'live-edit'));
          return site.node;
        });
        const owned = insertions.map((insertion, i) => ({ pos: insertion.pos, length: insertion.text.length, owner: owners[i]! }));
        const code = applyInsertions(source, insertions);
        const lost = misplaced(v8Diff(source, code), boundaries, owned, lines);
        if (lost.length > 0) {
          displaced.push(...lost);
          chosen = chosen.filter((index) => !lost.includes(index));
          continue;
        }
        const texts = nodes.map(({ start, end }) =>
          applyInsertions(
            source.slice(start, end),
            insertions.filter((i) => i.pos > start && i.pos < end).map((i) => ({ ...i, pos: i.pos - start })),
          ),
        );
        const slots = chosen.map((_, slot) => slotName(prefix, slot));
        return { chosen, code, module: JSON.stringify(payload), slots, texts, displaced: displaced.sort((a, b) => a - b) };
      }
    },
  };
}

/**
 * The functions whose edits make V8 lose a function boundary. V8 maps each function by its
 * old positions, shifted by the changes of its diff before them; a boundary inside a change,
 * or shifted otherwise than the edit shifted it, is lost. V8 then keeps the function's
 * existing closures on their old code (a damaged literal) and recompiles the code around
 * it, which a dry run reports only where that is an ES module's top level. The edits on the
 * changed lines around a lost boundary are the cause (a diff by characters matches the
 * function's closing brace with an inserted one, say, or a long run of lines changes whole).
 */
function misplaced(changes: Change[], boundaries: Boundary[], insertions: { pos: number; length: number; owner: number }[], lines: number[]): number[] {
  const changedLines = new Set(insertions.map((i) => lineOf(lines, i.pos)));
  for (const { position, owner } of boundaries) {
    let delta = 0;
    let inside = false;
    for (const change of changes) {
      if (change.start < position && change.end >= position) inside = true;
      else if (change.end < position) delta += change.newEnd - change.newStart - (change.end - change.start);
    }
    let shift = 0;
    for (const insertion of insertions) if (insertion.pos < position) shift += insertion.length;
    if (!inside && delta === shift) continue;
    // The run of changed lines at (or else before) the boundary.
    let last = lineOf(lines, position);
    while (last >= 0 && !changedLines.has(last)) last--;
    let first = last;
    while (changedLines.has(first - 1)) first--;
    const culprits = new Set<number>();
    for (const insertion of insertions) {
      const line = lineOf(lines, insertion.pos);
      if (line >= first && line <= last) culprits.add(insertion.owner);
    }
    // The function whose boundary it is goes last: the others' edits may be what moved it.
    if (culprits.size > 1) culprits.delete(owner);
    return [...culprits];
  }
  return [];
}

/** A position where a function literal starts or ends, and the function (-1: a class). */
interface Boundary {
  position: number;
  owner: number;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (const match of source.matchAll(/\r\n?|[\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

function lineOf(starts: number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= position) low = mid;
    else high = mid - 1;
  }
  return low;
}

function classes(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') found.push(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) if (child && typeof child.type === 'string') classes(child as Node, found);
    if (value && typeof value === 'object' && typeof (value as Node).type === 'string') classes(value as Node, found);
  }
  return found;
}

/** V8's start of a function literal: its parameter list (or an arrow's first parameter). */
function literalStart(node: Node, source: string): number {
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
