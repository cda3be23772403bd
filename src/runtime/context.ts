import { slotName, type EmittedContext, type FunctionEntry } from '../emitted.js';
import type { CallContext, ControlPoint } from './hooks.js';
import { proceed } from './around.js';
import type { AttachedHook, HookSlot } from './slot.js';
import { preparedText } from './source-text.js';
import { OptionError } from './errors.js';

/**
 * The call context: what hooks see (`CallContext`), and what prepared code reads after
 * `before` (`PreparedContext`, under the one-letter names of `CONTEXT_NAMES`: the fields
 * `s`, `r`, `n`, `a` below). Hooks read those through getters, which they cannot write.
 */
export class Context implements CallContext, EmittedContext {
  point: ControlPoint = 'before';
  /** skipRequested */
  s = false;
  /** skipResult */
  r: unknown = undefined;
  /** argsReplaced */
  n = false;
  /** currentArgs */
  a: unknown[];
  result: unknown = undefined;
  error: unknown = undefined;
  /** Index of the running hook, for `state`. */
  running = 0;
  /** A deliberate throw requested by the running hook. */
  throwing: { error: unknown } | undefined = undefined;
  recovered = false;
  /** Index of the hook that supplied the outcome in `before` (skip or rethrow), or -1. */
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
    if (this.self === undefined && this.entry.prepared === 'at-attach' && this.entry.reinvocable)
      this.self = ownMethod(this.entry, this.this_);
    if (typeof this.self !== 'function') {
      throw new OptionError(
        `kheiron: ${this.entry.name} cannot be run again: the engine has no reference to it (only top-level ` +
          `functions, named function expressions and methods of named classes have one)`,
      );
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
    return (states[this.running] ??= {});
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
      throw new OptionError(
        `kheiron: ${operation}() is an operation of '${point}', called in '${this.point}' of ${this.entry.name}`,
      );
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
  const slot = new RegExp(`\\b${slotName(prefix!, Number(index))}(?![\\w$])`);
  const key = entry.name.replace(/^[gs]et /, '').slice(entry.name.replace(/^[gs]et /, '').lastIndexOf('.') + 1);
  for (
    let o = thisArg;
    (typeof o === 'object' || typeof o === 'function') && o !== null;
    o = Object.getPrototypeOf(o)
  ) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    const f = d && (entry.kind === 'getter' ? d.get : entry.kind === 'setter' ? d.set : d.value);
    if (typeof f === 'function' && slot.test(preparedText(f))) return f;
  }
  return undefined;
}
