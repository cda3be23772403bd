/**
 * The few names that prepared code uses at run time. The transform emits them and the
 * runtime defines them; nothing else is shared between the two.
 */

/** Global through which prepared code reaches the runtime (a non-enumerable property). */
export const RUNTIME_GLOBAL = '__kheiron';

/**
 * The name prepared code of `source` reaches the runtime by: RUNTIME_GLOBAL, or a variant of
 * it where the text mentions that name (a variable of its own would shadow the global).
 */
export function runtimeName(source: string): string {
  let name = RUNTIME_GLOBAL;
  for (let i = 1; source.includes(name); i++) name = `${RUNTIME_GLOBAL}${i}`;
  return name;
}

/** Name of the hook slot of function `index` of the module with `prefix`. */
export function slotName(prefix: string, index: number): string {
  return `__k_${prefix}_${index}`;
}

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
  // a function that can name itself (top-level, named class member): a check and one call;
  // the attached path calls the function again, and that call runs the body
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

/** Bits of the flags field of emitted metadata. */
export const FLAG_ASYNC = 1;
export const FLAG_GENERATOR = 2;
export const FLAG_STATIC = 4;
export const FLAG_SAFE = 8;
/** The engine can run the original function again (it has a reference to itself). */
export const FLAG_REINVOCABLE = 16;

/**
 * One function as emitted into the module prologue:
 * [name, kind code, flags, parameter count, line, column, prepared-as code].
 */
export type EmittedFunction = [string, number, number, number, number, number, number];

/** The module prologue's payload, serialised as JSON. */
export interface EmittedModule {
  prefix: string;
  module: string;
  functions: EmittedFunction[];
  /** The runtime's global under another name, where the module's text uses RUNTIME_GLOBAL. */
  runtime?: string;
}
