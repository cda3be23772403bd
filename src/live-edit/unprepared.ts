import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import { activation, DISPLACED, editApplied, enableLiveEdit, refusal, type EditResult } from './debugger.js';
import { defineSlot, preparedText, type Registry } from '../runtime/internal.js';
import { planLiveEdit, type LiveEditFunction, type LiveEditPlan } from './plan.js';

/** Where a function is in its module's source, as its source names it. */
export type SourcePlace = Pick<LiveEditFunction, 'name' | 'kind' | 'async' | 'generator' | 'line' | 'column'>;

/**
 * A function that no means could make attachable, and why. `name` is `*` when no function
 * of the module could be looked at (it did not parse).
 */
export type Unreached = SourcePlace & { module: string; reason: string };

/** Kheiron's own files are not the application's. */
const OWN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const ENCLOSING =
  'it encloses a function prepared in place, whose closures V8 LiveEdit would leave on their old code if both changed';
/** Edits after which what is left is reported rather than tried again. */
const ROUNDS = 4;
/** How long after a refusal for an activation the edit is tried again, doubling up to `LAST_RETRY_MS`. */
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 60_000;

type Attempt = (chosen: number[]) => Promise<{ chosen: number[]; result: EditResult }>;
type Post = <T>(method: string, params?: object) => Promise<T>;
/** Why a function was left out: a reason, or V8's answer to an edit that included it. */
type Why = string | EditResult;

interface Found {
  scriptId: string;
  path: string;
  module: boolean;
}

/** One script of the application, and what its edits have done so far. */
interface Script extends Found {
  plan: LiveEditPlan;
  prepared: Set<number>;
  /** Why each function left out was; `retry`: V8 refused it for an activation, which may end. */
  refused: Map<number, { reason: string; retry: boolean }>;
}

export interface LiveEditorOptions {
  /** Called when functions have been edited in, before their registry entries exist. */
  onEdited?: () => void;
}

/**
 * Prepares the functions of a process started without Kheiron in place, over V8's LiveEdit
 * (`Debugger.setScriptSource` through an in-process inspector session). V8 refuses some
 * edits, function by function: each function's edit is checked with dry runs first, those
 * that pass are applied together, and the others are reported with V8's reason. A function
 * refused for an activation (on the stack, or suspended in an await) is tried again after a
 * while, by itself or before a request, until the activation has ended.
 */
export class LiveEditor {
  /** The new text of every function edited in place (as `toString` shows it). */
  readonly edited = new Set<string>();
  private readonly scripts = new Map<string, Script>();
  private readonly unparsed = new Map<string, Unreached>();
  private queue: Promise<void> = Promise.resolve();
  private retryMs = FIRST_RETRY_MS;
  private retrying: NodeJS.Timeout | undefined;
  /** Before this time, a request does not try refused edits again: a frequent one would cost a dry run each. */
  private retryAt = 0;

  constructor(
    private readonly registry: Registry,
    private readonly options: LiveEditorOptions = {},
  ) {}

  /** Functions that could not be edited in place, and why. */
  get refused(): Unreached[] {
    const found = [...this.unparsed.values()];
    for (const { path, plan, refused } of this.scripts.values()) {
      for (const [index, { reason }] of refused) found.push({ ...place(plan.functions[index]!), module: path, reason });
    }
    return found;
  }

  /** Whether `fn` runs code this editor prepared: a method's text starts with its key, hence the suffix. */
  covers(fn: Function): boolean {
    const text = preparedText(fn);
    for (const edited of this.edited) {
      if (text === edited || (text.endsWith(edited) && !text.slice(0, -edited.length).includes('=>'))) return true;
    }
    return false;
  }

  /** Where `fn`, found as property `key` of module `path`'s exports, is in the module's source. */
  locate(path: string, fn: Function, key: string): SourcePlace | undefined {
    const found = this.scripts.get(path)?.plan.find(Function.prototype.toString.call(fn), key);
    return found && place(found);
  }

  /** Edits the application's scripts parsed since the last call, and tries refused ones again. */
  discover(): Promise<void> {
    return this.serially(() => this.run(true));
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(includeNew: boolean): Promise<void> {
    const session = new Session();
    session.connect();
    const found: Found[] = [];
    type Parsed = { params: { scriptId: string; url: string; isModule?: boolean } };
    session.on('Debugger.scriptParsed', ({ params }: Parsed) => {
      const path = scriptPath(params.url);
      if (path) found.push({ scriptId: params.scriptId, path, module: params.isModule === true });
    });
    const earlier = Date.now() >= this.retryAt ? [...this.scripts.values()] : [];
    try {
      const post = poster(session);
      await post('Debugger.enable');
      for (const script of earlier) {
        const again = [...script.refused].filter(([, r]) => r.retry).map(([index]) => index);
        if (again.length > 0) await this.edit(post, script, again);
      }
      for (const script of includeNew ? found : []) {
        if (this.scripts.has(script.path) || this.unparsed.has(script.path)) continue;
        await this.first(post, script);
      }
    } finally {
      session.disconnect();
      this.scheduleRetry();
    }
  }

  /**
   * While V8 refused a function for an activation, the edit is tried again, less and less
   * often: an activation that has not ended for a while (a main loop awaiting) may never end.
   */
  private scheduleRetry(): void {
    const waiting = [...this.scripts.values()].some((s) => [...s.refused.values()].some((r) => r.retry));
    if (!waiting) this.retryMs = FIRST_RETRY_MS;
    if (!waiting || this.retrying) return;
    this.retryAt = Date.now() + this.retryMs;
    this.retrying = setTimeout(() => {
      this.retrying = undefined;
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
      // Only what was refused: new scripts wait for a request, as before.
      this.serially(() => this.run(false)).catch(() => undefined);
    }, this.retryMs);
    this.retrying.unref();
  }

  private async first(post: Post, found: Found): Promise<void> {
    const { scriptId } = found;
    const { scriptSource } = await post<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId });
    let plan: LiveEditPlan;
    try {
      plan = planLiveEdit(scriptSource, { filename: found.path, sourceType: found.module ? 'module' : 'commonjs' });
    } catch (error) {
      const reason = `not parsed: ${(error as Error).message}`;
      const nothing = { name: '*', kind: 'function', async: false, generator: false, line: 0, column: 0 } as const;
      this.unparsed.set(found.path, { ...nothing, module: found.path, reason });
      return;
    }
    const script: Script = { ...found, plan, prepared: new Set(), refused: new Map() };
    this.scripts.set(found.path, script);
    const candidates: number[] = [];
    for (const f of plan.functions) {
      if (f.excluded) script.refused.set(f.index, { reason: f.excluded, retry: false });
      else candidates.push(f.index);
    }
    if (candidates.length > 0) await this.edit(post, script, candidates);
  }

  /** Edits `candidates` of `script` in, in rounds, and records why each one left out was. */
  private async edit(post: Post, script: Script, candidates: number[]): Promise<void> {
    const { plan, scriptId } = script;
    const refuse = (index: number, why: Why): void => {
      const retry = typeof why !== 'string' && activation(why);
      script.refused.set(index, { reason: typeof why === 'string' ? why : refusal(why), retry });
    };
    for (const index of candidates) script.refused.delete(index);
    // A dry run of the edit that prepares `chosen`, less what V8 would not map (see render).
    const attempt: Attempt = async (chosen) => {
      const rendered = plan.render(chosen);
      if (rendered.chosen.length === 0) return { chosen: [], result: {} };
      const params = { scriptId, scriptSource: rendered.code, dryRun: true };
      return { chosen: rendered.chosen, result: await post<EditResult>('Debugger.setScriptSource', params) };
    };
    // Rounds: each edit starts from what the last one left, and a smaller edit diffs cleaner.
    let remaining = candidates;
    for (let round = 0; round < ROUNDS && remaining.length > 0; round++) {
      const rendered = plan.render(await this.accept(remaining, attempt, refuse, plan));
      if (rendered.chosen.length === 0) break;
      // The edited code reads its slots at once: dormant ones exist before it is swapped in.
      for (const slot of rendered.slots) defineSlot(globalThis, slot, false);
      const done = await post<EditResult>('Debugger.setScriptSource', { scriptId, scriptSource: rendered.code });
      if (!editApplied(done)) {
        for (const index of rendered.chosen) refuse(index, done);
        break;
      }
      plan.applied(rendered);
      for (const text of rendered.texts) this.edited.add(text);
      for (const index of rendered.chosen) script.prepared.add(index);
      // What was patched for want of this edit gives way before the rules reach the new entries.
      this.options.onEdited?.();
      for (const module of rendered.modules) this.registry.define(module, globalThis);
      remaining = remaining.filter((index) => !script.prepared.has(index) && !script.refused.has(index));
    }
    for (const index of remaining) {
      if (script.refused.has(index)) continue;
      // Left out for its diff: V8 may have a more fundamental objection to it alone.
      const alone = await attempt([index]);
      const encloses = [...script.prepared].some((inner) => plan.encloses(index, inner));
      const refused = alone.chosen.length > 0 && !editApplied(alone.result);
      refuse(index, refused ? alone.result : encloses ? ENCLOSING : DISPLACED);
    }
  }

  /** The candidates V8 accepts in one edit: all of them, or else narrowed by outermost function, then by function. */
  private async accept(
    candidates: number[],
    attempt: Attempt,
    refuse: (index: number, why: Why) => void,
    plan: LiveEditPlan,
  ): Promise<number[]> {
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
        else refuse(index, alone.result);
      }
    }
    return accepted;
  }
}

function place({ name, kind, async, generator, line, column }: SourcePlace): SourcePlace {
  return { name, kind, async, generator, line, column };
}

/** The path of a script of the application (not `node_modules`, not Kheiron), or undefined. */
function scriptPath(url: string): string | undefined {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url.startsWith('/') ? url : undefined;
  return path && !path.startsWith(OWN_ROOT) && !path.includes('/node_modules/') ? path : undefined;
}

/** `session.post` as a promise; the first LiveEdit command switches the command on where V8 needs that. */
function poster(session: Session): Post {
  const once: Post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as never))),
    );
  return async <T>(method: string, params?: object): Promise<T> => {
    try {
      return await once<T>(method, params);
    } catch (error) {
      if (!enableLiveEdit(error)) throw error;
      return once<T>(method, params);
    }
  };
}
