import type { FunctionEntry, HookSlot } from './registry.js';
import { proceed } from './dispatch.js';
import { preparedText } from './source-text.js';

export type ControlPoint = 'before' | 'around' | 'after' | 'onThrow';

/**
 * What a hook sees at a control point, and the operations it may perform.
 *
 * Contracts:
 * - `before` runs when the call starts (also for generators; only a generator prepared as
 *   'in-place-generator' runs it at its first `next()`). It may
 *   `replaceArgs(...)`, which assigns the new values to the parameters, or supply the call's
 *   outcome without running the body: `skip(result)` (a value, or for an async function a
 *   promise) or `rethrow(error)`. Later `before` hooks then do not run; the outcome goes
 *   through the other hooks' `after` or `onThrow` as the body's would, with `skipped` true
 *   (the hook that supplied it does not see it again).
 * - `around` runs after the `before` hooks, in their order, with `run`: what stands for the
 *   body (the `around` hooks after it, then the body). It returns the body's outcome in its
 *   place (calling `run()`, or not) or `run` itself, uncalled, to let the body run as it
 *   would; `rethrow(error)` makes the body throw. Its outcome is the body's: `after` and
 *   `onThrow` see it with `skipped` false, and `invoke()` runs the `around` hooks again.
 *   Calling `run()` needs a reinvocable entry, as `invoke()` does.
 * - `after` runs when the body returned (for async functions, when the promise fulfilled).
 *   `result` is the value; `replaceResult(value)` changes what the caller gets. For a
 *   constructor, `result` is the new instance.
 * - `onThrow` runs when the body threw (for async functions, when the promise rejected).
 *   Every `onThrow` hook runs, in order. `recover(value)` makes the call return `value`;
 *   `rethrow(error)` replaces the error: the later hooks see it as `error` (and `recovered`
 *   false), and the call throws it unless one of them recovers. With neither, the error
 *   propagates.
 * - `rethrow(error)` in `after` throws `error` from the call. Any other exception a hook
 *   throws is caught, counted on its handle and reported, never thrown into the application
 *   (an error of the body that reaches an `around` hook through `run()` stays the body's).
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
  /** At `onThrow`: an earlier hook recovered the call (its `result` is what the call returns). */
  readonly recovered: boolean;
  /** Per hook and per call: what `before` stores here, `after` and `onThrow` find again. */
  readonly state: Record<string, unknown>;
  skip(result: Result): void;
  replaceArgs(...args: Args): void;
  replaceResult(value: Result): void;
  recover(value: Result): void;
  rethrow(error: unknown): void;
  /**
   * Runs the original function again with the same `this` (and these arguments, or the
   * call's), without the `before`, `after` and `onThrow` hooks for that one call (the `around`
   * hooks do run: they stand for the body); returns what it returns. Only for entries that
   * are `reinvocable`; used by retries.
   */
  invoke(...args: unknown[]): unknown;
}

export interface Hooks {
  before?(ctx: CallContext): void;
  around?(ctx: CallContext, run: () => unknown): unknown;
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
  /** index of the hook that supplied the outcome in `before` (skip or rethrow), or -1 */
  by = -1;
  private states: (Record<string, unknown> | undefined)[] | undefined;

  readonly entry: FunctionEntry;

  constructor(
    readonly slot: HookSlot,
    readonly hooks: readonly AttachedHook[],
    readonly this_: unknown,
    args: unknown[],
    private self: Function | undefined,
  ) {
    this.entry = slot.entry;
    this.a = args;
  }

  invoke(...args: unknown[]): unknown {
    this.original();
    return proceed(this, 0, args.length > 0 ? args : this.a);
  }

  /** The original function, for running it again; throws where the engine has no reference. */
  original(): Function {
    if (this.self === undefined && this.entry.prepared === 'at-attach' && this.entry.reinvocable) this.self = ownMethod(this.entry, this.this_);
    if (typeof this.self !== 'function') {
      throw new TypeError(`kheiron: ${this.entry.name} cannot be run again: the engine has no reference to it (only top-level functions, named function expressions and methods of named classes have one)`);
    }
    return this.self;
  }

  get this(): unknown {
    return this.this_;
  }
  get args(): readonly unknown[] {
    return this.a;
  }
  get skipped(): boolean {
    return this.by >= 0;
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
