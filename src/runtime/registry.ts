import { fileURLToPath } from 'node:url';
import { decodeFunction, PREPARED_AS, RUNTIME_GLOBAL, slotName } from '../emitted.js';
import type { EmittedModule, FunctionEntry } from '../emitted.js';
import type { Insertion } from '../transform/edits.js';
import { HookSlot, type AttachedHook } from './slot.js';

export interface ModuleRecord {
  readonly prefix: string;
  readonly module: string;
  readonly entries: readonly FunctionEntry[];
  /** Per function: the slot object while something is attached, else undefined. */
  readonly slots: (HookSlot | undefined)[];
  /** Global objects of the realms this module was evaluated in. */
  readonly realms: Set<object>;
  /** Where a module with functions prepared at attach runs: what the edit of its script needs. */
  readonly source?: ModuleSource;
}

/** A module loaded with Phase II at attach, as the loader handed it to V8. */
export interface ModuleSource {
  /** The URL V8 knows the script by. */
  url: string;
  sourceType: 'module' | 'commonjs' | 'script';
  /** The source before the load-time preparation, when that changed it. */
  original?: string;
  /** Only functions without nested functions or classes were left for the attach. */
  leavesOnly?: boolean;
}

/** A module's source, the code made of it, and what was inserted to make it. */
export interface ScriptText {
  source: string;
  code: string;
  insertions: readonly Insertion[];
}

/** Why a function prepared at attach is not attachable yet: its module has no script in V8 yet. */
export const NOT_COMPILED =
  'its module is loaded but not compiled yet (a CommonJS module that an ES module imports is compiled when the ' +
  'import graph runs)';

/**
 * Phase II at attach (`src/live-edit`): prepares functions of a loaded script in place, and
 * puts them back. `prepare` answers, for each function it could not prepare, why.
 */
export interface AttachTimeEditing {
  prepare(record: ModuleRecord, indices: readonly number[]): Map<number, string>;
  release(record: ModuleRecord, indices: readonly number[]): void;
  /** Whether function `index` of `record` runs prepared code now. */
  prepared(record: ModuleRecord, index: number): boolean;
  /** The script of `record` as edited now, with its source and the insertions; undefined when not edited. */
  scriptText?(record: ModuleRecord): ScriptText | undefined;
}

/** The runtime's global of `realm` under another name too (see `runtimeName`). */
export function defineRuntimeAlias(realm: object, name: string): void {
  if (Object.prototype.hasOwnProperty.call(realm, name)) return;
  Object.defineProperty(realm, name, {
    value: (realm as Record<string, unknown>)[RUNTIME_GLOBAL],
    enumerable: false,
    configurable: false,
    writable: false,
  });
}

export class Registry {
  readonly modules = new Map<string, ModuleRecord>();
  private readonly listeners = new Set<(record: ModuleRecord) => void>();
  private readonly hookListeners = new Set<
    (record: ModuleRecord, index: number, hooks: readonly AttachedHook[]) => void
  >();
  /** Set by the loader where Phase II happens at attach. */
  editor: AttachTimeEditing | undefined;
  /** Functions prepared at attach whose last hook was detached: put back together, after the current task. */
  private readonly releasing = new Map<ModuleRecord, Set<number>>();

  /** Calls `listener` whenever the hooks of a function change (for functions patched at run time). */
  onHooks(listener: (record: ModuleRecord, index: number, hooks: readonly AttachedHook[]) => void): () => void {
    this.hookListeners.add(listener);
    return () => this.hookListeners.delete(listener);
  }

  /**
   * Called by a module's prologue, or by the loader for a module without one: defines its
   * slots in `realm`, registers its functions.
   */
  define(json: string | EmittedModule, realm: object, source?: ModuleSource): ModuleRecord {
    const emitted = typeof json === 'string' ? (JSON.parse(json) as EmittedModule) : json;
    let record = this.modules.get(emitted.prefix);
    if (record && record.module !== displayModule(emitted.module)) {
      throw new Error(
        `kheiron: modules ${record.module} and ${emitted.module} have the same slot prefix ${emitted.prefix}`,
      );
    }
    const isNew = !record;
    if (!record) {
      // Entries are made when first asked for: a large module that nothing asks about costs
      // its start-up no objects.
      let entries: FunctionEntry[] | undefined;
      record = {
        prefix: emitted.prefix,
        module: displayModule(emitted.module),
        get entries() {
          return (entries ??= entriesOf(emitted));
        },
        slots: new Array(emitted.functions.length).fill(undefined),
        realms: new Set(),
        source,
      };
      this.modules.set(record.prefix, record);
    }
    if (!record.realms.has(realm)) {
      record.realms.add(realm);
      if (emitted.runtime !== undefined) defineRuntimeAlias(realm, emitted.runtime);
      // A function prepared at attach reads its slot only once edited in: defined then.
      const functions = emitted.functions;
      for (let i = 0; i < functions.length; i++) {
        if (functions[i]![6] !== AT_ATTACH || record.slots[i])
          defineSlot(realm, slotName(record.prefix, i), record.slots[i] ?? false);
      }
    }
    if (isNew) for (const listener of this.listeners) listener(record);
    return record;
  }

  /** Calls `listener` for every module defined from now on. */
  onModule(listener: (record: ModuleRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  *entries(): IterableIterator<FunctionEntry> {
    for (const record of this.modules.values()) yield* record.entries;
  }

  /**
   * Makes functions of `record` attachable that are prepared at attach: edits them in where
   * they run their original text. Answers, per function that stays unattachable, why.
   */
  prepare(record: ModuleRecord, indices: readonly number[]): Map<number, string> {
    const pending = indices.filter((index) => record.entries[index]!.prepared === 'at-attach');
    if (pending.length === 0) return new Map();
    const editor = this.editor;
    if (!editor || !record.source)
      return new Map(
        pending.map((index) => [
          index,
          'prepared at attach, but this process has no in-process debugger to edit it in',
        ]),
      );
    for (const index of pending) this.releasing.get(record)?.delete(index);
    return editor.prepare(record, pending);
  }

  /** Installs `hooks` as the slot's hook list, in every realm; an empty list restores the dormant state. */
  setHooks(record: ModuleRecord, index: number, hooks: readonly AttachedHook[]): void {
    this.updateHooks(record, index, hooks);
    for (const listener of this.hookListeners) listener(record, index, hooks);
  }

  private updateHooks(record: ModuleRecord, index: number, hooks: readonly AttachedHook[]): void {
    const name = slotName(record.prefix, index);
    let slot = record.slots[index];
    if (hooks.length === 0) {
      if (!slot) return;
      record.slots[index] = undefined;
      // A fresh property, not a write: V8 again treats the never-written global as a constant.
      for (const realm of record.realms) defineSlot(realm, name, false);
      if (record.entries[index]!.prepared === 'at-attach') this.release(record, index);
      return;
    }
    if (!slot) {
      slot = record.slots[index] = new HookSlot(record.entries[index]!);
      slot.hooks = hooks;
      for (const realm of record.realms) (realm as Record<string, unknown>)[name] = slot;
      return;
    }
    slot.hooks = hooks;
  }

  /** Puts a function prepared at attach back into its original text, with the others of its task. */
  private release(record: ModuleRecord, index: number): void {
    if (!this.editor?.prepared(record, index)) return;
    const first = this.releasing.size === 0;
    let indices = this.releasing.get(record);
    if (!indices) this.releasing.set(record, (indices = new Set()));
    indices.add(index);
    if (!first) return;
    // A detach from inside a hook has the function on the stack: V8 edits it once that returned.
    setImmediate(() => {
      const batches = [...this.releasing];
      this.releasing.clear();
      for (const [record, indices] of batches) {
        const idle = [...indices].filter((i) => record.slots[i] === undefined);
        if (idle.length > 0) this.editor?.release(record, idle);
      }
    }).unref();
  }
}

const AT_ATTACH = PREPARED_AS.indexOf('at-attach');

// Captured at load: the application may replace builtins.
const { defineProperty } = Object;

export function defineSlot(realm: object, name: string, value: unknown): void {
  delete (realm as Record<string, unknown>)[name];
  defineProperty(realm, name, { value, writable: true, configurable: true, enumerable: false });
}

/** The registry entries of an emitted module. */
export function entriesOf(emitted: EmittedModule): FunctionEntry[] {
  const module = displayModule(emitted.module);
  // Object.assign, not a spread: with frozen entries made by `{ ...fields }`, the shop example
  // crashed in V8's optimised code (SIGSEGV) when rules were attached over LiveEdit under load
  // while the agent was polled (test/console); with these it runs as before.
  return emitted.functions.map((f, index): FunctionEntry =>
    Object.freeze(Object.assign({ id: `${emitted.prefix}:${index}`, module }, decodeFunction(f))),
  );
}

function displayModule(module: string): string {
  return module.startsWith('file:') ? fileURLToPath(module) : module;
}
