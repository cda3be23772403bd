import { preparedText } from '../runtime/source-text.js';
import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import { DISPLACED, editApplied, enableLiveEdit, refusal, type EditResult } from './debugger.js';
import { defineSlot, type Registry } from '../runtime/registry.js';
import { planLiveEdit, type LiveEditFunction, type LiveEditPlan } from './plan.js';

/**
 * A function that no means could make attachable, and why. `name` is `*` when no function
 * of the module could be looked at (it did not parse).
 */
export type Unreached = Pick<LiveEditFunction, 'name' | 'kind' | 'async' | 'generator' | 'line' | 'column'> & { module: string; reason: string };

/** Kheiron's own files are not the application's. */
const OWN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const ENCLOSING =
  'it encloses a function prepared in place, whose closures V8 LiveEdit would leave on their old code if both changed';
/** Edits after which what is left is reported rather than tried again. */
const ROUNDS = 4;

type Attempt = (chosen: number[]) => Promise<{ chosen: number[]; result: EditResult }>;
type Post = <T>(method: string, params?: object) => Promise<T>;

/**
 * Prepares the functions of a process started without Kheiron in place, over V8's LiveEdit
 * (`Debugger.setScriptSource` through an in-process inspector session). V8 refuses some
 * edits, function by function: each function's edit is checked with dry runs first, those
 * that pass are applied together, and the others are reported with V8's reason.
 */
export class LiveEditor {
  /** Functions that could not be edited in place, and why. */
  readonly refused: Unreached[] = [];
  /** The new text of every function edited in place (as `toString` shows it). */
  readonly edited = new Set<string>();
  private readonly handled = new Set<string>();

  constructor(private readonly registry: Registry) {}

  /** Whether `fn` runs code this editor prepared: a method's text starts with its key, hence the suffix. */
  covers(fn: Function): boolean {
    const text = preparedText(fn);
    for (const edited of this.edited) {
      if (text === edited || (text.endsWith(edited) && !text.slice(0, -edited.length).includes('=>'))) return true;
    }
    return false;
  }

  /** Edits the application's scripts parsed since the last call. */
  async discover(): Promise<void> {
    const session = new Session();
    session.connect();
    const once: Post = (method, params) =>
      new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as never))));
    const post: Post = async <T>(method: string, params?: object): Promise<T> => {
      try {
        return await once<T>(method, params);
      } catch (error) {
        if (!enableLiveEdit(error)) throw error;
        return once<T>(method, params);
      }
    };
    const scripts: { scriptId: string; path: string; module: boolean }[] = [];
    session.on('Debugger.scriptParsed', ({ params }: { params: { scriptId: string; url: string; isModule?: boolean } }) => {
      const path = params.url.startsWith('file:') ? fileURLToPath(params.url) : params.url.startsWith('/') ? params.url : undefined;
      if (path && !path.startsWith(OWN_ROOT) && !path.includes('/node_modules/')) scripts.push({ scriptId: params.scriptId, path, module: params.isModule === true });
    });
    try {
      await post('Debugger.enable');
      for (const script of scripts) {
        if (this.handled.has(script.path)) continue;
        this.handled.add(script.path);
        await this.edit(post, script);
      }
    } finally {
      session.disconnect();
    }
  }

  private async edit(post: Post, { scriptId, path, module }: { scriptId: string; path: string; module: boolean }): Promise<void> {
    const { scriptSource } = await post<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId });
    let plan: LiveEditPlan;
    try {
      plan = planLiveEdit(scriptSource, { filename: path, sourceType: module ? 'module' : 'commonjs' });
    } catch (error) {
      this.refused.push({ module: path, name: '*', kind: 'function', async: false, generator: false, line: 0, column: 0, reason: `not parsed: ${(error as Error).message}` });
      return;
    }
    const refused = new Set<number>();
    const refuse = (index: number, reason: string): void => {
      refused.add(index);
      const { name, kind, async, generator, line, column } = plan.functions[index]!;
      this.refused.push({ module: path, name, kind, async, generator, line, column, reason });
    };
    const candidates: number[] = [];
    for (const f of plan.functions) {
      if (f.excluded) refuse(f.index, f.excluded);
      else candidates.push(f.index);
    }
    if (candidates.length === 0) return;
    // A dry run of the edit that prepares `chosen`, less what V8 would not map (see render).
    const attempt: Attempt = async (chosen) => {
      const rendered = plan.render(chosen);
      if (rendered.chosen.length === 0) return { chosen: [], result: {} };
      return { chosen: rendered.chosen, result: await post<EditResult>('Debugger.setScriptSource', { scriptId, scriptSource: rendered.code, dryRun: true }) };
    };

    // Rounds: each edit starts from what the last one left, and a smaller edit diffs cleaner.
    const prepared: number[] = [];
    let remaining = candidates;
    for (let round = 0; round < ROUNDS && remaining.length > 0; round++) {
      const rendered = plan.render(await this.accept(remaining, attempt, refuse, plan));
      if (rendered.chosen.length === 0) break;
      // The edited code reads its slots at once: dormant ones exist before it is swapped in.
      for (const slot of rendered.slots) defineSlot(globalThis, slot, false);
      const done = await post<EditResult>('Debugger.setScriptSource', { scriptId, scriptSource: rendered.code });
      if (!editApplied(done)) {
        for (const index of rendered.chosen) refuse(index, refusal(done));
        break;
      }
      plan.applied(rendered);
      for (const module of rendered.modules) this.registry.define(module, globalThis);
      for (const text of rendered.texts) this.edited.add(text);
      prepared.push(...rendered.chosen);
      remaining = remaining.filter((index) => !prepared.includes(index) && !refused.has(index));
    }
    for (const index of remaining) {
      if (refused.has(index)) continue;
      // Left out for its diff: V8 may have a more fundamental objection to it alone.
      const alone = await attempt([index]);
      const encloses = prepared.some((inner) => plan.encloses(index, inner));
      refuse(index, alone.chosen.length > 0 && !editApplied(alone.result) ? refusal(alone.result) : encloses ? ENCLOSING : DISPLACED);
    }
  }

  /** The candidates V8 accepts in one edit: all of them, or else narrowed by outermost function, then by function. */
  private async accept(candidates: number[], attempt: Attempt, refuse: (index: number, reason: string) => void, plan: LiveEditPlan): Promise<number[]> {
    const all = await attempt(candidates);
    if (editApplied(all.result)) return all.chosen;
    let accepted: number[] = [];
    const groups = new Map<number, number[]>();
    for (const index of candidates) {
      const group = plan.functions[index]!.group;
      groups.set(group, [...(groups.get(group) ?? []), index]);
    }
    for (const members of groups.values()) {
      const whole = await attempt([...accepted, ...members]);
      if (editApplied(whole.result)) {
        accepted = whole.chosen;
        continue;
      }
      for (const index of members) {
        const alone = await attempt([...accepted, index]);
        if (editApplied(alone.result)) accepted = alone.chosen;
        else refuse(index, refusal(alone.result));
      }
    }
    return accepted;
  }
}
