/*
 * The interface between prepared code and the runtime, written once. The transform emits
 * these names and this metadata; the runtime implements them (`EmittedFacade` is the type of
 * the global it installs, `EmittedContext` what its call context shows prepared code). This
 * module imports nothing: both sides import it, and neither imports the other.
 *
 * What prepared code does with them (for `function f(a) { BODY }`, see transform/prepare.ts),
 * with the members' names as TypeScript spells them and, after the arrow, as emitted:
 *
 *   K.defineModule(json)                        -> K.m     the module prologue
 *   if (SLOT && (ctx = K.before(SLOT, this, [a])) !== void 0)       -> K.b
 *     { if (ctx.skipRequested) return ctx.skipResult;                -> ctx.s, ctx.r
 *       if (ctx.argsReplaced) [a] = ctx.currentArgs; }               -> ctx.n, ctx.a
 *   return ctx !== void 0 ? K.after(ctx, X) : X   at each `return X`  -> K.r
 *   catch (e) { if (ctx !== void 0) return K.onThrow(ctx, e); throw e; }  -> K.t
 */

/** Global through which prepared code reaches the runtime (a non-enumerable property). */
export const RUNTIME_GLOBAL = '__kheiron';

/**
 * The call context as prepared code reads it, after `before` returned one (the runtime's
 * context is also the hooks' `CallContext`). Emitted under the names of `CONTEXT_NAMES`.
 */
export interface PreparedContext {
  /** A `before` hook called `skip()`: the call returns `skipResult` without running the body. */
  readonly skipRequested: boolean;
  /** What a skipped call returns (the value given to `skip`, as the `after` hooks left it). */
  readonly skipResult: unknown;
  /** A `before` hook called `replaceArgs()`: `currentArgs` are assigned to the parameters. */
  readonly argsReplaced: boolean;
  /** The call's arguments, as the hooks left them. */
  readonly currentArgs: readonly unknown[];
}

/**
 * The runtime's global, as prepared code calls it (emitted under the names of
 * `FACADE_NAMES`). `Slot` is what a hook slot global holds while hooks are attached
 * (prepared code only passes it back); `false` while dormant.
 */
export interface RuntimeFacade<Slot = unknown, Context = EmittedContext> {
  /** The module prologue: defines the module's hook slots and registry entries (`EmittedModule` as JSON). */
  readonly defineModule: (json: string) => void;
  /** At entry, once the slot check is taken: runs the `before` hooks; undefined when this call runs dormant. */
  readonly before: (slot: Slot, thisArg: unknown, args: ArrayLike<unknown>, self?: Function) => Context | undefined;
  /** At each return of a call with a context: runs the `after` hooks, answers what the call returns. */
  readonly after: (ctx: Context, value: unknown) => unknown;
  /** In the catch of a call with a context: runs the `onThrow` hooks, answers a recovered result or throws. */
  readonly onThrow: (ctx: Context, error: unknown) => unknown;
  /** The attached path of a function prepared with a shadow: all three control points around it. */
  readonly shadowCall: (slot: Slot, thisArg: unknown, args: unknown[], shadow: Function) => unknown;
  /** Whether a constructor prepared for reentry takes its attached path (not for the runtime's own call). */
  readonly entering: (slot: Slot) => boolean;
  /** Its attached path: the control points around constructing the class again, with the same `new.target`. */
  readonly reconstruct: (slot: Slot, args: unknown[], cls: Function, newTarget: Function) => unknown;
  /** A key no array has: a generator binds its call context through it (a computed key of its rest parameter). */
  readonly generatorContext: symbol;
}

/*
 * The names prepared code writes for the members: one letter each. Words would compile to the
 * same bytecode (a property name is an index into the constant pool), but V8's LiveEdit diffs
 * the old and new script by characters, and a longer edit loses the places of more functions:
 * on the conformance corpus, the words above left 25 of 1,815 functions unattachable at attach
 * instead of 17. A letter is not reused within one object; tsc holds both tables complete.
 */

export const FACADE_NAMES = {
  defineModule: 'm',
  before: 'b',
  after: 'r',
  onThrow: 't',
  shadowCall: 's',
  entering: 'e',
  reconstruct: 'n',
  generatorContext: 'k',
} as const satisfies { readonly [Member in keyof RuntimeFacade]: string };

export const CONTEXT_NAMES = {
  skipRequested: 's',
  skipResult: 'r',
  argsReplaced: 'n',
  currentArgs: 'a',
} as const satisfies { readonly [Field in keyof PreparedContext]: string };

type Renamed<T, Names extends { readonly [K in keyof T]: string }> = { readonly [K in keyof T as Names[K]]: T[K] };

/** The runtime's global as prepared code reaches it. */
export type EmittedFacade<Slot = unknown, Context = EmittedContext> = Renamed<
  RuntimeFacade<Slot, Context>,
  typeof FACADE_NAMES
>;

/** The call context's fields as prepared code reads them. */
export type EmittedContext = Renamed<PreparedContext, typeof CONTEXT_NAMES>;

/**
 * The name prepared code of `source` reaches the runtime by: RUNTIME_GLOBAL, or a variant of
 * it where the text mentions that name (a variable of its own would shadow the global).
 */
export function runtimeName(source: string): string {
  let name = RUNTIME_GLOBAL;
  for (let i = 1; source.includes(name); i++) name = `${RUNTIME_GLOBAL}${i}`;
  return name;
}

/** How the names of hook slot globals begin. */
export const SLOT_PREFIX = '__k_';

/** Name of the hook slot of function `index` of the module with `prefix`. */
export function slotName(prefix: string, index: number): string {
  return `${SLOT_PREFIX}${prefix}_${index}`;
}

/** The module prologue's statement: `runtime.defineModule(json)` (as emitted, `runtime.m(json)`). */
export function prologueCall(runtime: string, module: EmittedModule): string {
  return `${runtime}.${FACADE_NAMES.defineModule}(${JSON.stringify(JSON.stringify(module))});`;
}

/** How a prologue begins (its payload's first key is `prefix`): the loader sees by it that code was prepared. */
export const PROLOGUE_START = `${RUNTIME_GLOBAL}.${FACADE_NAMES.defineModule}("{\\"prefix\\"`;

/** Kinds of prepared functions, in the order of their numeric codes in emitted metadata. */
export const FUNCTION_KINDS = ['function', 'arrow', 'method', 'getter', 'setter', 'constructor'] as const;
export type FunctionKind = (typeof FUNCTION_KINDS)[number];

/** How a function was made attachable (Phase II). */
export const PREPARED_AS = [
  // check in place, prolog in the taken branch, try/catch epilog, return sites report to `after`
  'in-place',
  // an arrow with an expression body, turned into a block body first
  'in-place-expression',
  // a generator whose parameters cannot take the call-time prolog: `before` runs at its
  // first `next()` (the others run `before` at the call)
  'in-place-generator',
  // a body whose function declarations would clash if moved into a block (`var f` and
  // `function f` together): no try/catch, so no onThrow control point
  'in-place-no-catch',
  // a small one-line function: a check and one call; its body is copied into a shadow
  // that the attached path creates and runs
  'shadow',
  // a constructor of a named class: a check and one call; the attached path constructs the
  // class again, and that call runs the body
  'reentry',
  // not prepared at load: a function of a process started without Kheiron, reached through
  // the exports of its CommonJS module; while hooks are attached, the property holds a wrapper
  'patched',
  // not prepared at load: a function of a process started without Kheiron, edited in place
  // over V8's LiveEdit (the in-place shape; it names itself only where it is an exported
  // declaration of an ES module, so the others cannot run the original again)
  'live-edit',
  // dormant in its original text; prepared in place over V8's LiveEdit (the 'live-edit'
  // shape) when a rule first targets it, and put back when the last hook is detached
  'at-attach',
] as const;

export type PreparedAs = (typeof PREPARED_AS)[number];

/**
 * Phase I metadata of one function: what the transform knows of it and the registry
 * reports. Each part takes the fields it needs (`Pick`, `Omit`); this is the one list.
 */
export interface FunctionMetadata {
  /** `<module prefix>:<index>`, stable across restarts while path and content are. */
  id: string;
  /** Position among the module's functions, in source order. */
  index: number;
  /** Absolute path of the module (or its URL when it is not a file). */
  module: string;
  /** Qualified name, such as `LruCache.prototype.get`. */
  name: string;
  kind: FunctionKind;
  async: boolean;
  generator: boolean;
  static: boolean;
  /** Declared safe for scheduled repairs by a `@kheiron-safe` tag in its leading comment. */
  safe: boolean;
  /** `ctx.invoke()` can run the original again (e.g. for a retry). */
  reinvocable: boolean;
  /** Parameter count. */
  params: number;
  /** 1-based line and 0-based column of the function in the original source. */
  line: number;
  column: number;
  prepared: PreparedAs;
  /** The global that holds this function's hook slot. */
  slot: string;
}

/** One prepared function as the registry knows it. */
export type FunctionEntry = Readonly<Omit<FunctionMetadata, 'index' | 'slot'>>;

/** Bits of the flags field of emitted metadata. */
export const FLAG_ASYNC = 1;
export const FLAG_GENERATOR = 2;
export const FLAG_STATIC = 4;
export const FLAG_SAFE = 8;
/** The engine can run the original function again (it has a reference to itself). */
export const FLAG_REINVOCABLE = 16;

type Field<K extends keyof FunctionMetadata> = FunctionMetadata[K];

/** One function as emitted into the module prologue: its metadata, compact. */
export type EmittedFunction = [
  name: Field<'name'>,
  kind: number,
  flags: number,
  params: Field<'params'>,
  line: Field<'line'>,
  column: Field<'column'>,
  prepared: number,
];

/** The metadata the prologue carries of a function, as emitted. */
export type EmittedFields = Omit<FunctionMetadata, 'id' | 'index' | 'module' | 'slot'>;

export function encodeFunction(f: EmittedFields): EmittedFunction {
  const flags =
    (f.async ? FLAG_ASYNC : 0) |
    (f.generator ? FLAG_GENERATOR : 0) |
    (f.static ? FLAG_STATIC : 0) |
    (f.safe ? FLAG_SAFE : 0) |
    (f.reinvocable ? FLAG_REINVOCABLE : 0);
  return [f.name, FUNCTION_KINDS.indexOf(f.kind), flags, f.params, f.line, f.column, PREPARED_AS.indexOf(f.prepared)];
}

export function decodeFunction([name, kind, flags, params, line, column, prepared]: EmittedFunction): EmittedFields {
  return {
    name,
    kind: FUNCTION_KINDS[kind]!,
    async: (flags & FLAG_ASYNC) !== 0,
    generator: (flags & FLAG_GENERATOR) !== 0,
    static: (flags & FLAG_STATIC) !== 0,
    safe: (flags & FLAG_SAFE) !== 0,
    reinvocable: (flags & FLAG_REINVOCABLE) !== 0,
    params,
    line,
    column,
    prepared: PREPARED_AS[prepared]!,
  };
}

/** The module prologue's payload, serialised as JSON. */
export interface EmittedModule {
  prefix: string;
  module: string;
  functions: EmittedFunction[];
  /** The runtime's global under another name, where the module's text uses RUNTIME_GLOBAL. */
  runtime?: string;
}
