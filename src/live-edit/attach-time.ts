import { createRequire } from 'node:module';
import { slotName } from '../emitted.js';
import {
  defineSlot,
  NOT_COMPILED,
  type AttachTimeEditing,
  type ModuleRecord,
  type ScriptText,
  MAX_MAPPED_SOURCE,
} from '../runtime/internal.js';
import { sortInsertions, type Insertion } from '../transform/edits.js';
import type { ParsedModule } from '../transform/index.js';
import type { Change } from './v8-diff.js';
import { literalBoundaries } from './boundaries.js';
import { DISPLACED, editApplied, refusal, type EditResult, type ScriptEditor } from './debugger.js';

/** The parser, the diff and the inspector session are loaded with the first edit, not with the loader. */
const load = createRequire(import.meta.url);
type Transform = typeof import('../transform/index.js');
const transform = (): Transform => load('../transform/index.js') as Transform;
const planning = (): typeof import('./plan.js') => load('./plan.js') as typeof import('./plan.js');
const diffing = (): typeof import('./v8-diff.js') => load('./v8-diff.js') as typeof import('./v8-diff.js');
const debugging = (): typeof import('./debugger.js') => load('./debugger.js') as typeof import('./debugger.js');

/*
 * Phase II at attach, for modules the loader left in their original text.
 *
 * 1. When a rule first targets a function, the script V8 runs is read back over an
 *    in-process inspector session; it must be exactly what the loader handed V8.
 * 2. The module is parsed again, and the function's in-place shape (the 'live-edit' shape of
 *    the transform, whose text stays inside the function) is rendered into the script.
 * 3. V8 maps the functions of the old script onto the new one by its own diff of the two
 *    texts (`v8Diff` computes the same): an edit is used only if every function literal keeps
 *    its place, else V8 would leave that function's existing closures on their old code.
 *    A few texts of the edit are tried. A function is edited after the functions that
 *    enclose it, in a separate edit: edited together with them, it would keep its existing
 *    closures on the old code. On V8 14 (Node 26) nested edits leave closures with the wrong
 *    context, so there only functions without nested functions are prepared at attach
 *    (`LEAVES_ONLY` in the loader).
 * 4. `Debugger.setScriptSource` swaps the new text in: existing closures, instances and
 *    module state stay, and run the prepared code from their next call on.
 * 5. When the last hook of a function is detached, the script is edited back without it:
 *    the program is its original text again, and V8 optimises it as before.
 */

/** An edit of one module's script that V8 runs now. */
interface Edited {
  module: ParsedModule;
  /** The source the module was parsed from: the original text. */
  original: string;
  /** The script V8 ran before the first edit (the loader's code). */
  loaded: string;
  /** Its source-map comment line, where the loader replaced the original's. */
  mapLine: string | undefined;
  /** The function index -> text variant of the functions swapped in. */
  edits: Map<number, number>;
  /** The script V8 runs now. */
  current: string;
  boundaries: number[];
}

export class AttachTimeEditor implements AttachTimeEditing {
  private readonly scripts = new WeakMap<ModuleRecord, Edited>();

  private debugger: import('./debugger.js').InProcessDebugger | undefined;

  private get debug(): import('./debugger.js').InProcessDebugger {
    return (this.debugger ??= new (debugging().InProcessDebugger)());
  }

  prepared(record: ModuleRecord, index: number): boolean {
    return this.scripts.get(record)?.edits.has(index) ?? false;
  }

  /** Rendered once per state of the edits (a new map each time they change). */
  private readonly texts = new WeakMap<ReadonlyMap<number, number>, ScriptText>();

  scriptText(record: ModuleRecord): ScriptText | undefined {
    const script = this.scripts.get(record);
    if (!script || script.original.length > MAX_MAPPED_SOURCE) return undefined;
    let text = this.texts.get(script.edits);
    if (!text) {
      text = { source: script.original, ...script.module.render(script.edits) };
      this.texts.set(script.edits, text);
    }
    return text;
  }

  prepare(record: ModuleRecord, indices: readonly number[]): Map<number, string> {
    const refused = new Map<number, string>();
    const wanted = indices.filter((index) => !this.prepared(record, index));
    if (wanted.length === 0) return refused;
    try {
      this.debug.use((editor) => {
        const found = this.open(record, editor);
        if (typeof found === 'string') {
          for (const index of wanted) refused.set(index, found);
          return;
        }
        const { scriptId, script } = found;
        let todo = wanted;
        while (todo.length > 0) {
          // Outermost first, one layer an edit (or several: see fit). A function edited together
          // with one that encloses it keeps its existing closures on the old code; edited after
          // it, in an edit of its own, it does not, and its lines are still short.
          const inner = (index: number): boolean =>
            todo.some((other) => other !== index && encloses(script.module, other, index));
          const layer = todo.filter((index) => !inner(index));
          let pending = layer;
          while (pending.length > 0) {
            const { accepted, later } = this.fit(script, pending, refused);
            if (accepted.size === 0) break;
            this.apply(editor, scriptId, script, accepted, refused, record);
            pending = later;
          }
          todo = todo.filter((index) => !layer.includes(index));
        }
        if (script.edits.size === 0) this.scripts.delete(record);
      });
    } catch (error) {
      for (const index of wanted) {
        if (!this.prepared(record, index)) refused.set(index, `not edited in: ${(error as Error).message}`);
      }
    }
    return refused;
  }

  release(record: ModuleRecord, indices: readonly number[]): void {
    const script = this.scripts.get(record);
    if (!script) return;
    const edits = new Map(script.edits);
    for (const index of indices) edits.delete(index);
    if (edits.size === script.edits.size) return;
    try {
      this.debug.use((editor) => {
        const scriptId = record.source && editor.scriptId(record.source.url);
        if (!scriptId) return;
        script.current = editor.source(scriptId);
        const code = edits.size === 0 ? script.loaded : withMapLine(script.module.render(edits).code, script.mapLine);
        // A function V8 could not put back runs its prepared code, dormant: the same behaviour.
        if (!editApplied(editor.setSource(scriptId, code))) return;
        script.edits = edits;
        script.current = code;
        if (edits.size === 0) this.scripts.delete(record);
      });
    } catch {
      // Still prepared and dormant: correct, a check slower.
    }
  }

  /** The script of `record` and its edit state, or why it cannot be edited. */
  private open(record: ModuleRecord, editor: ScriptEditor): { scriptId: string; script: Edited } | string {
    const source = record.source;
    if (!source) return 'prepared at attach, but the loader recorded no source for its module';
    const scriptId = editor.scriptId(source.url);
    if (!scriptId) return NOT_COMPILED;
    const running = editor.source(scriptId);
    let script = this.scripts.get(record);
    if (script) {
      // V8 takes up the text of an edit it refused for a function on the stack once that returns.
      script.current = running;
      return { scriptId, script };
    }
    const original = source.original ?? running;
    const { sourceType, leavesOnly } = source;
    const module = transform().parseModule(original, { filename: record.module, sourceType, defer: { leavesOnly } });
    if (module.sites.length !== record.entries.length) {
      return 'its module reads differently now than when it was loaded';
    }
    const loaded = module.render().code;
    const mapLine = loaded === running ? undefined : sourceMapLine(running);
    if (loaded !== running && (mapLine === undefined || withMapLine(loaded, mapLine) !== running)) {
      return 'the script V8 runs is not the code the loader prepared (another tool changed it)';
    }
    const boundaries = literalBoundaries(original, module.sites, module.classes());
    script = { module, original, loaded: running, mapLine, edits: new Map(), current: running, boundaries };
    this.scripts.set(record, script);
    return { scriptId, script };
  }

  /**
   * The functions of `layer` that one edit can prepare, each with the first text that keeps
   * every function in place, and those to try in a later edit. V8 compares characters only
   * inside runs of changed lines shorter than 800 characters: an edit of many neighbouring
   * functions changes whole lines and loses their places, where edits of a few at a time do
   * not. A function that does not fit even alone is refused.
   */
  private fit(
    script: Edited,
    layer: number[],
    refused: Map<number, string>,
  ): { accepted: Map<number, number>; later: number[] } {
    const cache = new Map<string, Change[]>();
    const shift = shifter(script.module.render(script.edits).insertions);
    const inCurrent = script.boundaries.map(shift);
    const fits = (trial: Map<number, number>): boolean => {
      const { code } = script.module.render(new Map([...script.edits, ...trial]));
      const addedInCurrent = script.module.render(trial).added.map((i) => ({ ...i, pos: shift(i.pos) }));
      sortInsertions(addedInCurrent);
      const changes = diffing().v8Diff(script.current, withMapLine(code, script.mapLine), cache);
      return !planning().misplaced(changes, inCurrent, addedInCurrent);
    };
    // Most edits are clean: all of the layer at once, then function by function.
    const all = new Map(layer.map((index) => [index, 0]));
    if (fits(all)) return { accepted: all, later: [] };
    const accepted = new Map<number, number>();
    const later: number[] = [];
    for (const index of [...layer].sort((a, b) => b - a)) {
      const placed = this.variant(fits, accepted, index);
      if (placed !== undefined) accepted.set(index, placed);
      else if (accepted.size > 0) later.push(index);
      else refused.set(index, DISPLACED);
    }
    return { accepted, later };
  }

  /** The first text variant of function `index` that fits together with `accepted`. */
  private variant(
    fits: (trial: Map<number, number>) => boolean,
    accepted: Map<number, number>,
    index: number,
  ): number | undefined {
    for (let variant = 0; variant < planning().VARIANTS; variant++) {
      if (fits(new Map([...accepted, [index, variant]]))) return variant;
    }
    return undefined;
  }

  private apply(
    editor: ScriptEditor,
    scriptId: string,
    script: Edited,
    accepted: Map<number, number>,
    refused: Map<number, string>,
    record: ModuleRecord,
  ): void {
    // The edited code reads its slots at once: dormant ones exist before it is swapped in.
    for (const index of accepted.keys()) {
      const name = slotName(record.prefix, index);
      if (!Object.prototype.hasOwnProperty.call(globalThis, name)) defineSlot(globalThis, name, false);
    }
    const attempt = (trial: Map<number, number>): EditResult => {
      const edits = new Map([...script.edits, ...trial]);
      const code = withMapLine(script.module.render(edits).code, script.mapLine);
      const result = editor.setSource(scriptId, code);
      if (editApplied(result)) script.edits = edits;
      // After a refusal, the next edit is diffed against what V8 reports then.
      script.current = editApplied(result) ? code : editor.source(scriptId);
      return result;
    };
    if (editApplied(attempt(accepted))) return;
    // V8 refuses some: one by one, to say which and why.
    for (const [index, variant] of accepted) {
      const result = attempt(new Map([[index, variant]]));
      if (!editApplied(result)) refused.set(index, refusal(result));
    }
  }
}

function encloses(module: ParsedModule, outer: number, inner: number): boolean {
  const a = module.sites[outer]!.node;
  const b = module.sites[inner]!.node;
  return a.start <= b.start && b.end <= a.end && outer !== inner;
}

/** Maps a position of the original source to the text with `insertions` applied. */
function shifter(insertions: Insertion[]): (position: number) => number {
  const positions = insertions.map((i) => i.pos);
  const lengths = insertions.map((i) => i.text.length);
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]!);
  const sorted = order.map((i) => positions[i]!);
  const sums: number[] = [0];
  for (const i of order) sums.push(sums[sums.length - 1]! + lengths[i]!);
  return (position) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return position + sums[lo]!;
  };
}

const MAP_LINE = /\n?\/\/[#@] sourceMappingURL=[^\n]*\s*$/;

function sourceMapLine(code: string): string | undefined {
  return MAP_LINE.exec(code)?.[0];
}

/** The loader's code carries its own source-map comment in place of the original's: keep it. */
function withMapLine(code: string, mapLine: string | undefined): string {
  if (mapLine === undefined) return code;
  const own = MAP_LINE.exec(code);
  return (own ? code.slice(0, own.index) : code) + mapLine;
}
