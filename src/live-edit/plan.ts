import { slotName, type EmittedModule, type FunctionMetadata } from '../emitted.js';
import { classNodes, collectFunctions, type FunctionSite, type Node } from '../transform/collect.js';
import { applyInsertions, type Insertion } from '../transform/edits.js';
import { modulePrefix } from '../transform/index.js';
import { emitted } from '../transform/metadata.js';
import { parse, type SourceType } from '../transform/parse.js';
import { prepareFunction } from '../transform/prepare.js';
import { literalBoundaries } from './boundaries.js';
import { v8Diff, type Change } from './v8-diff.js';

/** One function of a script that runs already, as a candidate for an in-place edit. */
export interface LiveEditFunction extends Pick<
  FunctionMetadata,
  'index' | 'name' | 'kind' | 'async' | 'generator' | 'line' | 'column'
> {
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
  /**
   * The function whose original text `text` (a function's `toString`) is; `key`, the name it
   * was found under, chooses among functions of the same text.
   */
  find(text: string, key: string): LiveEditFunction | undefined;
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
  const root = ast as unknown as Node;
  return new Plan(source, options.filename, sites, exportedDeclarations(root.body as Node[]), classNodes(root));
}

/** The script with some functions prepared: its code, what was inserted, and the registry payloads. */
interface Built {
  code: string;
  insertions: Insertion[];
  modules: string[];
  nodes: Node[];
}

class Plan implements LiveEditPlan {
  readonly functions: LiveEditFunction[];
  private readonly prefixes: string[];
  private readonly boundaries: number[];
  /** The text variant each function is rendered with. */
  private readonly variants = new Map<number, number>();
  // What V8 runs now: the functions of earlier edits, their text and insertions, and the diff cache for it.
  private done: number[] = [];
  private current: string;
  private before: Insertion[] = [];
  private cache = new Map<string, Change[]>();

  constructor(
    private readonly source: string,
    private readonly filename: string,
    private readonly sites: FunctionSite[],
    private readonly exported: Set<unknown>,
    classes: readonly Node[],
  ) {
    this.functions = liveEditFunctions(sites);
    this.prefixes = sites.map((_, index) => modulePrefix(`${filename}#live-edit:${index}`));
    this.boundaries = literalBoundaries(source, sites, classes);
    this.current = source;
  }

  encloses(outer: number, inner: number): boolean {
    for (let p = this.functions[inner]!.parent; p !== undefined; p = this.functions[p]!.parent) {
      if (p === outer) return true;
    }
    return false;
  }

  render(requested: readonly number[]): Rendered {
    const { accepted, displaced } = this.fit(requested);
    const all = this.build(sorted([...this.done, ...accepted]));
    const mine = this.build(accepted);
    const texts = mine.nodes.map(({ start, end }) =>
      applyInsertions(
        this.source.slice(start, end),
        mine.insertions.filter((i) => i.pos > start && i.pos < end).map((i) => ({ ...i, pos: i.pos - start })),
      ),
    );
    const slots = accepted.map((index) => slotName(this.prefixes[index]!, 0));
    return { chosen: accepted, code: all.code, modules: mine.modules, slots, texts, displaced };
  }

  applied(rendered: Rendered): void {
    this.done = sorted([...this.done, ...rendered.chosen]);
    this.current = rendered.code;
    this.before = this.build(this.done).insertions;
    this.cache = new Map();
  }

  find(text: string, key: string): LiveEditFunction | undefined {
    const found = this.functions.filter(({ index }) => {
      const { start, end } = this.sites[index]!.node;
      // A method's text starts with its key, which the node does not include.
      const from = text.length - (end - start);
      return from >= 0 && this.source.startsWith(text.slice(from), start) && !text.slice(0, from).includes('=>');
    });
    if (found.length <= 1) return found[0];
    return found.find(({ name }) => name === key || name.endsWith(`.${key}`));
  }

  /**
   * Each function joins with the first of its texts that keeps every boundary in place.
   * Innermost first: V8 leaves the closures of a function whose enclosing function changes
   * too on their old code, and the inner function (a handler, a callback) is the one that runs.
   */
  private fit(requested: readonly number[]): { accepted: number[]; displaced: number[] } {
    const accepted: number[] = [];
    const displaced: number[] = [];
    for (const index of [...requested].sort((a, b) => b - a)) {
      if (!this.sites[index] || this.functions[index]!.excluded || this.done.includes(index)) {
        throw new Error(`internal: function ${index} cannot be edited`);
      }
      const enclosing = [...this.done, ...accepted].some((other) => this.encloses(index, other));
      let fits = false;
      for (let variant = 0; variant < VARIANTS && !fits && !enclosing; variant++) {
        this.variants.set(index, variant);
        fits = this.keepsBoundaries(sorted([...accepted, index]));
      }
      if (fits) accepted.push(index);
      else {
        this.variants.delete(index);
        displaced.push(index);
      }
    }
    return { accepted: sorted(accepted), displaced: sorted(displaced) };
  }

  /**
   * Whether V8, editing what it runs now into the script with `chosen` prepared too, maps
   * every function onto its new place.
   */
  private keepsBoundaries(chosen: number[]): boolean {
    // Positions in the current text: shifted by what earlier edits inserted before them.
    const inCurrent = (position: number): number => position + inserted(this.before, position);
    const added = this.build(chosen).insertions.map((i) => ({ ...i, pos: inCurrent(i.pos) }));
    const changes = v8Diff(this.current, this.build(sorted([...this.done, ...chosen])).code, this.cache);
    return !misplaced(changes, this.boundaries.map(inCurrent), added);
  }

  private build(chosen: number[]): Built {
    const insertions: Insertion[] = [];
    const modules: string[] = [];
    const nodes = chosen.map((index) => {
      const original = this.sites[index]!;
      const self = this.exported.has(original.node) ? original.self : undefined;
      const site: FunctionSite = { ...original, index: 0, self };
      const prefix = this.prefixes[index]!;
      const variant = this.variants.get(index) ?? 0;
      prepareFunction(site, this.source, prefix, insertions, { mode: 'live-edit', variant });
      const payload: EmittedModule = { prefix, module: this.filename, functions: [emitted(site, 'live-edit')] };
      modules.push(JSON.stringify(payload));
      return site.node;
    });
    return { code: applyInsertions(this.source, insertions), insertions, modules, nodes };
  }
}

/** The script's functions in source order, with the functions that contain them and why they cannot be edited. */
function liveEditFunctions(sites: readonly FunctionSite[]): LiveEditFunction[] {
  const open: LiveEditFunction[] = [];
  return sites.map((site, index): LiveEditFunction => {
    while (open.length > 0 && sites[open[open.length - 1]!.index]!.node.end <= site.node.start) open.pop();
    const { name, kind, async, generator, line, column } = site;
    const f: LiveEditFunction = {
      index,
      name,
      kind,
      async,
      generator,
      line,
      column,
      group: open[0]?.group ?? index,
      parent: open[open.length - 1]?.index,
      excluded: exclusion(site),
    };
    open.push(f);
    return f;
  });
}

function exclusion(site: FunctionSite): string | undefined {
  if (site.node.body.type !== 'BlockStatement') {
    return (
      'an arrow function with an expression body: preparing it changes where the function ends, ' +
      'which V8 LiveEdit cannot map'
    );
  }
  if (site.kind === 'constructor') {
    return "a class constructor: V8 LiveEdit maps it by the whole class's text, which it does not keep in place";
  }
  return undefined;
}

function sorted(indices: number[]): number[] {
  return indices.sort((a, b) => a - b);
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
    while (insertion < insertions.length && insertions[insertion]!.pos < position) {
      shift += insertions[insertion++]!.text.length;
    }
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

/**
 * An exported function declaration of an ES module is bound in the module's environment
 * already; naming it from inside captures nothing new. Any other name would become a
 * captured variable of some scope, which V8 LiveEdit treats as a changed scope.
 */
function exportedDeclarations(body: Node[]): Set<unknown> {
  const found = new Set<unknown>();
  for (const statement of body) {
    const declaration = (statement as { declaration?: Node }).declaration;
    const exports = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
    if (exports && declaration?.type === 'FunctionDeclaration') found.add(declaration);
  }
  return found;
}
