import { channel } from 'node:diagnostics_channel';
import type { FunctionEntry } from '../emitted.js';
import type { ControlPoint, Hooks } from './hooks.js';
import { NOT_COMPILED, type ModuleRecord, type Registry } from './registry.js';
import { compileSelector, type Selector } from './selector.js';
import type { AttachedHook } from './slot.js';
import { OptionError } from './errors.js';

export interface AttachOptions extends Hooks {
  /** Which functions: `[moduleGlob#]nameGlob` or a predicate over registry entries. */
  target: Selector;
  /** Higher runs first at each control point; equal priorities run in attach order. */
  priority?: number;
  /** Called with a hook's own exception (after it was counted and published). */
  onError?(error: unknown, point: ControlPoint, entry: FunctionEntry): void;
}

export interface AttachHandle {
  readonly id: number;
  /** Functions the hooks are attached to now; grows as matching modules load. */
  readonly functions: readonly FunctionEntry[];
  /** Functions the target selects that could not be made attachable, and why. */
  readonly unreached: readonly { entry: FunctionEntry; reason: string }[];
  readonly active: boolean;
  /** Exceptions the hooks threw, caught by the runtime. */
  readonly errors: number;
  /** Removes the hooks from every function; afterwards those with no other hooks are dormant again. */
  detach(): void;
}

/** Published on `kheiron:hook-error` when a hook throws. */
export interface HookErrorEvent {
  handle: number;
  function: FunctionEntry;
  point: ControlPoint;
  error: unknown;
}

const hookErrors = channel('kheiron:hook-error');
const POINTS = ['before', 'around', 'after', 'onThrow'] as const;

let nextId = 1;

/** What each live handle selects: the loader asks it of a module before the module runs. */
export const selects = new WeakMap<AttachHandle, (entry: FunctionEntry) => boolean>();

export function attachHooks(registry: Registry, active: Set<AttachHandle>, options: AttachOptions): AttachHandle {
  const { matches, priority } = checked(options);
  const id = nextId++;
  let errors = 0;
  const hook = attachedHook(id, priority, options, () => errors++);
  const live = (): boolean => active.has(handle);
  const attaching: Attaching = { registry, hook, matches, attachedTo: [], unreached: [], live };
  for (const record of registry.modules.values()) attachTo(attaching, record);
  const unsubscribe = registry.onModule((record) => attachTo(attaching, record));

  const handle: AttachHandle = {
    id,
    get functions() {
      return attaching.attachedTo.map(({ record, index }) => record.entries[index]!);
    },
    get unreached() {
      return attaching.unreached;
    },
    get active() {
      return active.has(handle);
    },
    get errors() {
      return errors;
    },
    detach() {
      if (!active.delete(handle)) return;
      unsubscribe();
      for (const { record, index } of attaching.attachedTo) {
        const current = record.slots[index]?.hooks ?? [];
        registry.setHooks(
          record,
          index,
          current.filter((h) => h !== hook),
        );
      }
      attaching.attachedTo.length = 0;
    },
  };
  selects.set(handle, matches);
  active.add(handle);
  return handle;
}

/** The options' target as a predicate, and their priority; a TypeError naming what is wrong. */
function checked(options: AttachOptions): { matches: (entry: FunctionEntry) => boolean; priority: number } {
  if (options === null || typeof options !== 'object')
    throw new OptionError('kheiron: attach() takes an options object');
  const matches = compileSelector(options.target, 'attach() target');
  for (const point of POINTS) {
    if (options[point] !== undefined && typeof options[point] !== 'function') {
      throw new OptionError(`kheiron: attach() option '${point}' must be a function, got ${typeof options[point]}`);
    }
  }
  if (!POINTS.some((p) => options[p]))
    throw new OptionError("kheiron: attach() needs at least one of 'before', 'around', 'after', 'onThrow'");
  const priority = options.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isFinite(priority))
    throw new OptionError('kheiron: attach() priority must be a finite number');
  return { matches, priority };
}

/** The hook a handle installs in each slot: its own exceptions are counted, published and passed to `onError`. */
function attachedHook(id: number, priority: number, options: AttachOptions, count: () => void): AttachedHook {
  return {
    before: options.before,
    around: options.around,
    after: options.after,
    onThrow: options.onThrow,
    order: id,
    priority,
    failed(error, point, entry) {
      count();
      if (hookErrors.hasSubscribers)
        hookErrors.publish({ handle: id, function: entry, point, error } satisfies HookErrorEvent);
      try {
        options.onError?.(error, point, entry);
      } catch {
        // an error handler's own failure has nowhere else to go
      }
    },
  };
}

/** What one handle is attached to, and what it attaches to as modules load. */
interface Attaching {
  readonly registry: Registry;
  readonly hook: AttachedHook;
  readonly matches: (entry: FunctionEntry) => boolean;
  readonly attachedTo: { record: ModuleRecord; index: number }[];
  readonly unreached: { entry: FunctionEntry; reason: string }[];
  /** Whether the handle is still attached. */
  readonly live: () => boolean;
}

/** Attaches the hook to the functions of `record` (or those of `only`) that the target selects. */
function attachTo(attaching: Attaching, record: ModuleRecord, only?: readonly number[]): void {
  const { registry, hook, matches } = attaching;
  const selected: number[] = [];
  record.entries.forEach((entry, index) => {
    if ((!only || only.includes(index)) && matches(entry)) selected.push(index);
  });
  if (selected.length === 0) return;
  const refused = registry.prepare(record, selected);
  const notYet: number[] = [];
  for (const index of selected) {
    const reason = refused.get(index);
    if (reason === NOT_COMPILED && !only) {
      notYet.push(index);
      continue;
    }
    if (reason !== undefined) {
      attaching.unreached.push({ entry: record.entries[index]!, reason });
      continue;
    }
    const current = record.slots[index]?.hooks ?? [];
    registry.setHooks(record, index, current.concat(hook).sort(byPriority));
    attaching.attachedTo.push({ record, index });
  }
  // V8 compiles such a module within the task that imports it: once more after that.
  if (notYet.length > 0) setImmediate(() => attaching.live() && attachTo(attaching, record, notYet));
}

function byPriority(a: AttachedHook, b: AttachedHook): number {
  return b.priority - a.priority || a.order - b.order;
}
