import type { FunctionEntry, HookSlot } from './registry.js';
import { invokeOriginal } from './dispatch.js';
import { preparedText } from './source-text.js';

export type ControlPoint = 'before' | 'after' | 'onThrow';

/**
 * What a hook sees at a control point, and the operations it may perform.
 *
 * Contracts:
 * - `before` runs when the call starts (also for generators; only a generator prepared as
 *   'in-place-generator' runs it at its first `next()`). It may
 *   `replaceArgs(...)`, which assigns the new values to the parameters, or `skip(result)`,
 *   which returns `result` without running the body; later `before` hooks then do not run,
 *   `after` hooks do, with `skipped` true.
 * - `after` runs when the body returned (for async functions, when the promise fulfilled).
 *   `result` is the value; `replaceResult(value)` changes what the caller gets. For a
 *   constructor, `result` is the new instance.
 * - `onThrow` runs when the body threw (for async functions, when the promise rejected).
 *   `recover(value)` returns `value` instead; `rethrow(error)` throws `error` instead; with
 *   neither, the original error propagates. The first hook that recovers or rethrows ends
 *   the chain.
 * - `rethrow(error)` in `before` or `after` throws `error` from the call. Any other
 *   exception a hook throws is caught, counted on its handle and reported, never thrown
 *   into the application.
 * - While a hook runs, prepared functions it calls run dormant (no re-entry).
 */
export interface CallContext<This = unknown, Args extends unknown[] = unknown[], Result = unknown> {
  readonly entry: FunctionEntry;
  readonly point: ControlPoint;
  /** `this` of the call; undefined for arrows and before `super()` in derived constructors. */
  readonly this: This;
  readonly args: Readonly<Args>;
  readonly result: Result | undefined;
  readonly error: unknown;
  readonly skipped: boolean;
  /** Per hook and per call: what `before` stores here, `after` and `onThrow` find again. */
  readonly state: Record<string, unknown>;
  skip(result: Result): void;
  replaceArgs(...args: Args): void;
  replaceResult(value: Result): void;
  recover(value: Result): void;
  rethrow(error: unknown): void;
  /**
   * Runs the original function again with the same `this` (and these arguments, or the
   * call's), without the hooks for that one call; returns what it returns. Only for
   * entries that are `reinvocable`; used by retries.
   */
  invoke(...args: unknown[]): unknown;
}

export interface Hooks {
  before?(ctx: CallContext): void;
  after?(ctx: CallContext): void;
  onThrow?(ctx: CallContext): void;
}

/** A hook as installed in a slot: the callbacks plus what orders and accounts for them. */
export interface AttachedHook extends Hooks {
  readonly order: number;
  readonly priority: number;
  /** Called with the hook's own exception; the runtime goes on as if the hook did nothing. */
  failed(error: unknown, point: ControlPoint, entry: FunctionEntry): void;
}

/** The context object; its one-letter fields are read by prepared code. */
export class Context implements CallContext {
  point: ControlPoint = 'before';
  /** skipped */
  s = false;
  /** the result supplied by skip */
  r: unknown = undefined;
  /** arguments replaced */
  n = false;
  /** the arguments */
  a: unknown[];
  result: unknown = undefined;
  error: unknown = undefined;
  /** index of the running hook, for `state` */
  i = 0;
  /** a deliberate throw requested by the running hook */
  throwing: { error: unknown } | undefined = undefined;
  recovered = false;
  private states: (Record<string, unknown> | undefined)[] | undefined;

  readonly entry: FunctionEntry;

  constructor(
    private readonly slot: HookSlot,
    readonly hooks: readonly AttachedHook[],
    readonly this_: unknown,
    args: unknown[],
    private self: Function | undefined,
  ) {
    this.entry = slot.entry;
    this.a = args;
  }

  invoke(...args: unknown[]): unknown {
    if (this.self === undefined && this.entry.prepared === 'at-attach' && this.entry.reinvocable) this.self = ownMethod(this.entry, this.this_);
    if (typeof this.self !== 'function') {
      throw new TypeError(`kheiron: ${this.entry.name} cannot be run again: the engine has no reference to it (only top-level functions, named function expressions and methods of named classes have one)`);
    }
    return invokeOriginal(this.slot, this.self, this.this_, args.length > 0 ? args : this.a);
  }

  get this(): unknown {
    return this.this_;
  }
  get args(): readonly unknown[] {
    return this.a;
  }
  get skipped(): boolean {
    return this.s;
  }
  get state(): Record<string, unknown> {
    const states = (this.states ??= []);
    return (states[this.i] ??= {});
  }

  skip(result: unknown): void {
    this.expect('skip', 'before');
    this.s = true;
    this.r = result;
  }
  replaceArgs(...args: unknown[]): void {
    this.expect('replaceArgs', 'before');
    this.n = true;
    this.a = args;
  }
  replaceResult(value: unknown): void {
    this.expect('replaceResult', 'after');
    this.result = value;
  }
  recover(value: unknown): void {
    this.expect('recover', 'onThrow');
    this.recovered = true;
    this.result = value;
  }
  rethrow(error: unknown): void {
    this.throwing = { error };
  }

  private expect(operation: string, point: ControlPoint): void {
    if (this.point !== point) {
      throw new TypeError(`kheiron: ${operation}() is an operation of '${point}', called in '${this.point}' of ${this.entry.name}`);
    }
  }
}

/**
 * A method edited in at attach cannot name itself (that would change a surrounding scope):
 * found instead on `this` or its prototypes, under its key, as the function whose text reads
 * its own hook slot.
 */
function ownMethod(entry: FunctionEntry, thisArg: unknown): Function | undefined {
  const [prefix, index] = entry.id.split(':');
  const slot = new RegExp(`\\b__k_${prefix}_${index}(?![\\w$])`);
  const key = entry.name.replace(/^[gs]et /, '').slice(entry.name.replace(/^[gs]et /, '').lastIndexOf('.') + 1);
  for (let o = thisArg; (typeof o === 'object' || typeof o === 'function') && o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    const f = d && (entry.kind === 'getter' ? d.get : entry.kind === 'setter' ? d.set : d.value);
    if (typeof f === 'function' && slot.test(preparedText(f))) return f;
  }
  return undefined;
}
