import { CONTEXT_NAMES, FACADE_NAMES, RUNTIME_GLOBAL, slotName } from '../emitted.js';
import type { PreparedContext, RuntimeFacade } from '../emitted.js';
import { children, type FunctionSite, type Node } from './collect.js';
import type { Insertion } from './edits.js';

/*
 * Phase II: the shape of a prepared function. For a block body
 *
 *   function f(a, b) { BODY }
 *
 * becomes, on the same lines,
 *
 *   function f(a, b) { var $k$c, $k$v; if (SLOT && ($k$c = K.b(SLOT, this, [a, b])) !== void 0)
 *     { if ($k$c.s) return $k$c.r; if ($k$c.n) [a, b] = $k$c.a; } try { BODY'
 *     ;if ($k$c !== void 0) return K.r($k$c, void 0); } catch ($k$e) {
 *     if ($k$c !== void 0) return K.t($k$c, $k$e); throw $k$e; } }
 *
 * (the epilog follows the last statement of BODY directly, before any blank or comment).
 *
 * where BODY' reports each `return X` to the runtime only when a call context exists.
 * `void 0`, not `undefined`: a parameter or variable may be named `undefined`.
 * SLOT is a global that holds `false` while nothing is attached and is never written then,
 * so V8 folds the check away in optimised code; everything after it is the attached path.
 * The check tests SLOT for truth (a hook slot is an object), not `!== false`: bytecode is
 * what V8's inlining budget counts, and the shorter test leaves more of it to the program.
 * The runtime is passed the parameters, not `arguments`, unless the body uses `arguments`
 * itself: mentioning it in sloppy code moves every parameter into a heap context.
 * K is the runtime's global. Its members (`K.b` is `before`, `K.r` `after`, `K.t` `onThrow`)
 * and the context's fields (`skipRequested`, `skipResult`, `argsReplaced`, `currentArgs`) are
 * those of `RuntimeFacade` and `PreparedContext` in src/emitted.ts, which writes their names:
 * the code below names them as TypeScript does, and tsc holds it to that interface.
 */

const CTX = '$k$c';
const VAL = '$k$v';
const ERR = '$k$e';

/**
 * 'load' prepares code before it first runs. 'live-edit' prepares code that V8's LiveEdit
 * swaps in while it runs: only the in-place shape, whose text stays inside the function,
 * because a shadow or a reentry would have to name the function from the code around it.
 */
export type PrepareMode = 'load' | 'live-edit';

export interface ShapeOptions {
  mode?: PrepareMode;
  /**
   * Pads a live edit with empty statements: the same code, a different text, for when V8's
   * diff of one text loses where the function starts or ends.
   */
  variant?: number;
  /**
   * Constructors may re-enter (construct again on the attached path). Not where the other
   * functions are prepared at attach: there a constructor prepared at load contains closures,
   * which V8 does not allocate on the stack anyway, and constructing again is observable (a
   * Proxy's `get` trap sees `prototype` twice; the stack shows the runtime's frames).
   */
  reentry?: boolean;
  /** The global through which the code reaches the runtime: another name where the module uses this one. */
  runtime?: string;
}

/** What every shape of one function is written from. */
interface Parts {
  readonly site: FunctionSite;
  readonly source: string;
  /** The runtime's global. */
  readonly K: string;
  readonly slot: string;
  readonly thisArg: string;
  /** The arguments as the runtime is given them. */
  readonly args: string;
  /** The assignment target that puts replaced arguments back into the parameters ('' for none). */
  readonly reassign: string;
}

/** `K.member(args)`: a call of the runtime, under the member's emitted name. */
function runtimeCall(K: string, member: keyof RuntimeFacade, ...args: string[]): string {
  return `${K}.${FACADE_NAMES[member]}(${args.join(', ')})`;
}

/** A field of the call context that prepared code reads, under its emitted name. */
function context(name: keyof PreparedContext): string {
  return `${CTX}.${CONTEXT_NAMES[name]}`;
}

export function prepareFunction(
  site: FunctionSite,
  source: string,
  prefix: string,
  out: Insertion[],
  options: ShapeOptions = {},
): void {
  const { mode = 'load', variant = 0, reentry = true, runtime = RUNTIME_GLOBAL } = options;
  const arrow = site.node.type === 'ArrowFunctionExpression';
  const thisArg = arrow || site.derived ? 'void 0' : 'this';
  const slot = slotName(prefix, site.index);
  const parts: Parts = { site, source, K: runtime, slot, thisArg, ...parameters(site, source) };
  const shadowParams = mode === 'load' ? shadowable(site, source) : undefined;
  if (shadowParams !== undefined) {
    prepareWithShadow(parts, shadowParams, out);
    site.shadow = true;
  } else if (mode === 'load' && reentry && reenterable(site)) {
    prepareReentry(parts, out);
    site.reentry = true;
  } else if (site.node.body.type !== 'BlockStatement') {
    prepareExpressionBody(parts, out);
  } else if (mode === 'live-edit' && (site.node.body.body as Node[]).length === 0 && !site.generator) {
    prepareEmptyBody(parts, variant, out);
  } else {
    prepareInPlace(parts, variant, out);
  }
}

/** `K.before(SLOT, this, args[, self])`: the `before` control point, answering the call context. */
function beforeCall({ site, K, slot }: Parts, thisArg: string, args: string): string {
  return runtimeCall(K, 'before', slot, thisArg, args, ...(site.self ? [site.self] : []));
}

/** In the taken branch, with a context: a skipped call returns, replaced arguments are assigned. */
function prolog({ reassign }: Parts): string {
  const assign = reassign ? ` if (${context('argsReplaced')}) [${reassign}] = ${context('currentArgs')};` : '';
  return `{ if (${context('skipRequested')}) return ${context('skipResult')};${assign} }`;
}

/** The check, and where it is taken, the `before` control point and the prolog. */
function enter(parts: Parts): string {
  const call = beforeCall(parts, parts.thisArg, parts.args);
  return `if (${parts.slot} && (${CTX} = ${call}) !== void 0) ${prolog(parts)} `;
}

function catchClause(K: string): string {
  return `catch (${ERR}) { if (${CTX} !== void 0) return ${runtimeCall(K, 'onThrow', CTX, ERR)}; throw ${ERR}; }`;
}

/** A returned value, reported to `after` where the call has a context. */
function report(K: string, value: string): string {
  return `${CTX} !== void 0 ? ${runtimeCall(K, 'after', CTX, value)} : ${value}`;
}

/** What a body that ends without `return X` returns: the instance for a constructor. */
function implicitResult(site: FunctionSite): string {
  return site.kind === 'constructor' ? 'this' : 'void 0';
}

/** Concise arrow body: `(a) => EXPR` becomes a block that returns EXPR. */
function prepareExpressionBody(parts: Parts, out: Insertion[]): void {
  const { site, K } = parts;
  const body: Node = site.node.body;
  const { depth } = site;
  const open = `{ var ${CTX}, ${VAL}; ${enter(parts)}try { return (${VAL} = (${unnamed(body)}`;
  out.push({ pos: body.start, closing: false, depth, text: open });
  out.push({ pos: body.end, closing: true, depth, text: `), ${report(K, VAL)}); } ${catchClause(K)} }` });
}

/**
 * A live edit of an empty body: it cannot throw, so no try, and no braces, which V8's diff
 * would match with the function's own closing brace.
 */
function prepareEmptyBody(parts: Parts, variant: number, out: Insertion[]): void {
  const { site, K, slot } = parts;
  const pad = ';'.repeat(variant & 3);
  const call = beforeCall(parts, parts.thisArg, parts.args);
  const after = runtimeCall(K, 'after', CTX, implicitResult(site));
  const returned = `${context('skipRequested')} ? ${context('skipResult')} : ${after}`;
  const text = `${pad}var ${CTX}; if (${slot} && (${CTX} = ${call}) !== void 0) return ${returned};${pad}`;
  out.push({ pos: site.node.body.start + 1, closing: false, depth: site.depth, text });
}

/** The in-place shape of a block body (see the top of this file). */
function prepareInPlace(parts: Parts, variant: number, out: Insertion[]): void {
  const { site, K } = parts;
  const { node, depth } = site;
  const body: Node = node.body;
  // An async generator awaits the value of `return X` but not a bare `return` or the end
  // of its body: those stay bare, and return a value only where `after` replaced it.
  const asyncGenerator = site.async && site.generator;
  const needsValue = site.returns.some((r) => r.argument) || asyncGenerator;
  const directives = leadingDirectives(body);
  const atCall = site.generator && beforeAtCall(parts, out);
  // A generator whose `before` already ran at the call finds its context in a parameter.
  const declare = atCall ? (needsValue ? `var ${VAL}; ` : '') : `var ${CTX}${needsValue ? `, ${VAL}` : ''}; `;
  const start = atCall ? `if (${CTX} !== void 0) ${prolog(parts)} ` : enter(parts);
  const at = directives ? directives.end : body.start + 1;
  const guard = !site.hoistConflict;
  const pad = ';'.repeat(variant & 3);
  const open = `${directives ? ';' : ''}${declare}${start}${guard ? 'try {' : ''}${pad}`;
  const epilog = asyncGenerator
    ? `if (${CTX} !== void 0 && (${VAL} = ${runtimeCall(K, 'after', CTX, 'void 0')}) !== void 0) return ${VAL};`
    : `if (${CTX} !== void 0) return ${runtimeCall(K, 'after', CTX, implicitResult(site))};`;
  const close = `${pad};${epilog}${guard ? ` } ${catchClause(K)}` : ''}`;
  // The epilog goes right after the last statement, not against the closing brace: V8's
  // LiveEdit reads a change that touches a function's end as a change of the code around it,
  // which an ES module refuses (attach over the inspector edits scripts in place).
  const statements = body.body as Node[];
  const end = Math.max(at, statements.length > 0 ? statements[statements.length - 1]!.end : at);
  const begin = out.length;
  if (end === at) {
    // A body without statements (but directives): both halves at one position, in this order.
    out.push({ pos: at, closing: false, depth, text: open + close });
  } else {
    out.push({ pos: at, closing: false, depth, text: open });
    out.push({ pos: end, closing: true, depth, text: close });
  }
  reportReturns(site, K, asyncGenerator, out);
  // Variants 4-7 write the edit with tabs: where V8's diff matched an inserted space with one
  // of the function's own, it finds nothing to match. Only where no text of the source is copied.
  if (variant & 4 && (node.params as Node[]).every((p) => p.type === 'Identifier')) {
    for (let i = begin; i < out.length; i++) out[i] = { ...out[i]!, text: out[i]!.text.replace(/ /g, '\t') };
  }
}

/** Each `return` of the body reports to `after` where the call has a context. */
function reportReturns(site: FunctionSite, K: string, asyncGenerator: boolean, out: Insertion[]): void {
  // A return site nests inside the body: at a shared position it closes first.
  const inner = site.depth + 0.5;
  const after = (value: string): string => runtimeCall(K, 'after', CTX, value);
  for (const ret of site.returns) {
    if (ret.argument) {
      out.push({ pos: ret.argument.start, closing: false, depth: inner, text: `(${VAL} = (${unnamed(ret.argument)}` });
      out.push({ pos: ret.argument.end, closing: true, depth: inner, text: `), ${report(K, VAL)})` });
    } else if (asyncGenerator) {
      const text = `{ if (${CTX} !== void 0 && (${VAL} = ${after('void 0')}) !== void 0) return ${VAL}; `;
      out.push({ pos: ret.start, closing: false, depth: inner, text });
      out.push({ pos: ret.end, closing: true, depth: inner, text: ' }' });
    } else {
      // A suffix of the `return` keyword: it closes before an epilog at the same position.
      const text = ` ${CTX} !== void 0 ? ${after(implicitResult(site))} : void 0`;
      out.push({ pos: ret.start + 'return'.length, closing: true, depth: inner, text });
    }
  }
}

/**
 * A small function on one line gets its body copied into a shadow that only the attached
 * path creates and calls; the dormant function grows by the check and one call, no more:
 *
 *   add(o) { if (SLOT) return K.s(SLOT, this, [o], function (o) { return ...; }); return ...; }
 *
 * V8 inlines small functions by bytecode size; the full in-place shape (try/catch, return
 * sites) would push these over its budgets. Copying a body is only possible where it keeps
 * every line where it was: a body without line breaks, and without functions inside it.
 */
function prepareWithShadow({ site, source, K, slot, thisArg, args }: Parts, params: string, out: Insertion[]): void {
  const { node, depth } = site;
  const body: Node = node.body;
  const arrow = node.type === 'ArrowFunctionExpression';
  if (body.type === 'BlockStatement') {
    const inner = source.slice(body.start + 1, body.end - 1);
    const shadow = arrow ? `(${params}) => {${inner}}` : `function (${params}) {${inner}}`;
    // After the directives: a check before them would make them plain expressions. The
    // shadow copies them with the body, so it is strict where the function is.
    const directives = leadingDirectives(body);
    const at = directives ? directives.end : body.start + 1;
    const call = runtimeCall(K, 'shadowCall', slot, thisArg, args, shadow);
    out.push({ pos: at, closing: false, depth, text: `${directives ? ';' : ''}if (${slot}) return ${call}; ` });
  } else {
    const expression = source.slice(body.start, body.end);
    const call = runtimeCall(K, 'shadowCall', slot, 'void 0', args, `(${params}) => (${expression})`);
    out.push({ pos: body.start, closing: false, depth, text: `${slot} ? ${call} : ` });
  }
}

/**
 * A constructor of a named class runs its own body on the attached path: the runtime
 * constructs the class again, and that one call passes the check. No try/catch:
 *
 *   constructor(n) { if (SLOT && K.e(SLOT)) return K.n(SLOT, [n], Cache, new.target); ...
 *
 * That call receives the parameters' values: plain or defaulted ones, not destructured ones.
 */
function prepareReentry({ site, K, slot, args }: Parts, out: Insertion[]): void {
  const { node, depth } = site;
  const body: Node = node.body;
  const call = runtimeCall(K, 'reconstruct', slot, args, site.self!, 'new.target');
  const check = `${slot} && ${runtimeCall(K, 'entering', slot)}`;
  if (body.type === 'BlockStatement') {
    const directives = leadingDirectives(body);
    out.push({
      pos: directives ? directives.end : body.start + 1,
      closing: false,
      depth,
      text: `${directives ? ';' : ''}if (${check}) return ${call}; `,
    });
  } else {
    out.push({ pos: body.start, closing: false, depth, text: `${check} ? ${call} : ` });
  }
}

/**
 * Only constructors re-enter: V8 inlines a small constructor, and then allocates its
 * objects on the stack, only while its bytecode stays small; the in-place shape's
 * try/catch defeats both. A method or function keeps the in-place shape, whose attached
 * path adds no frame to the stack.
 */
function reenterable(site: FunctionSite): boolean {
  if (site.kind !== 'constructor' || !site.self) return false;
  // A defaulted parameter is passed on with its default applied, so the body sees the same
  // value, unless the default captured the first construction's `this` or its parameters.
  return (site.node.params as Node[]).every(
    (p) =>
      p.type === 'Identifier' ||
      (p.type === 'AssignmentPattern' && p.left.type === 'Identifier' && !captures(p.right)) ||
      (p.type === 'RestElement' && p.argument.type === 'Identifier'),
  );
}

const CAPTURING = new Set([
  'ThisExpression',
  'Super',
  'MetaProperty',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassExpression',
]);

/** Whether evaluating `node` can capture its frame: `this`, `new.target`, a closure. */
function captures(node: Node): boolean {
  return CAPTURING.has(node.type) || children(node).some(captures);
}

const SHADOW_MAX = 400;

/** The shadow's parameter list, or undefined when the function cannot have a shadow. */
function shadowable(site: FunctionSite, source: string): string | undefined {
  const { node } = site;
  if (site.kind === 'constructor' || site.async || site.generator || site.hasNested) return undefined;
  if (site.usesArguments || site.usesEval || site.usesSuper) return undefined;
  const text = source.slice(node.body.start, node.body.end);
  if (text.length > SHADOW_MAX || /[\n\r\u2028\u2029]/.test(text)) return undefined;
  // A tagged template in the copy would be a second call site, with its own template object.
  if (site.tagsTemplate) return undefined;
  const names: string[] = [];
  for (const p of node.params as Node[]) {
    if (p.type === 'Identifier') names.push(p.name);
    else if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') names.push(p.left.name);
    else if (p.type === 'RestElement' && p.argument.type === 'Identifier') names.push(`...${p.argument.name}`);
    else return undefined;
  }
  // A concise body that is itself a conditional or sequence still reads right inside `? :`.
  return names.join(', ');
}

/**
 * The body of a generator runs at its first `next()`; its parameters are bound at the call.
 * A trailing rest parameter whose pattern has a computed key (a symbol no array has) runs
 * the `before` control point at the call and binds the context:
 *   function* g(a, ...{ [K.k]: $k$c = SLOT ? K.b(SLOT, this, arguments) : void 0 })
 * `length` is unchanged (a rest parameter does not count). Not possible with a rest parameter
 * already there, with a "use strict" directive (forbidden with such parameters), or where
 * sloppy code reads `arguments` (they would no longer be mapped to the parameters).
 */
function beforeAtCall(parts: Parts, out: Insertion[]): boolean {
  const { site, source, K, slot } = parts;
  const params = site.node.params as Node[];
  if (params.some((p) => p.type === 'RestElement')) return false;
  // Sloppy code: mapped arguments, eval and duplicate parameter names need simple parameters.
  if (!site.strict && (site.usesArguments || site.usesEval || hasDuplicates(params))) return false;
  if ((site.node.body.body as Node[]).some((s) => s.directive === 'use strict')) return false;
  const call = beforeCall(parts, 'this', 'arguments');
  const rest = `...{ [${K}.${FACADE_NAMES.generatorContext}]: ${CTX} = ${slot} ? ${call} : void 0 }`;
  const last = params[params.length - 1];
  const close = closingParen(
    source,
    last ? last.end : source.indexOf('(', site.node.id ? site.node.id.end : site.node.start) + 1,
  );
  if (close < 0) return false;
  const trailingComma =
    last !== undefined &&
    source
      .slice(last.end, close)
      .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g, '')
      .includes(',');
  out.push({ pos: close, closing: false, depth: site.depth, text: last && !trailingComma ? `, ${rest}` : rest });
  site.beforeAtCall = true;
  return true;
}

function hasDuplicates(params: Node[]): boolean {
  const names = params.filter((p) => p.type === 'Identifier').map((p) => p.name as string);
  return new Set(names).size !== names.length;
}

/** Position of the `)` that ends a parameter list, scanning from `from` over blanks, comments and a comma. */
function closingParen(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ')') return i;
    if (c === ',' || /\s/.test(c)) i++;
    else if (source.startsWith('//', i)) i = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
    else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else return -1;
  }
  return -1;
}

/**
 * `$k$v = function () {}` would name the function '$k$v'; `$k$v = (0, function () {})`
 * keeps it anonymous, as it was.
 */
function unnamed(expression: Node): string {
  let e = expression;
  while (e.type === 'ParenthesizedExpression') e = e.expression;
  const anonymous =
    e.type === 'ArrowFunctionExpression' ||
    ((e.type === 'FunctionExpression' || e.type === 'ClassExpression') && !e.id);
  return anonymous ? '0, ' : '';
}

function leadingDirectives(body: Node): Node | undefined {
  let last: Node | undefined;
  for (const statement of body.body as Node[]) {
    if (statement.directive === undefined) break;
    last = statement;
  }
  return last;
}

/**
 * What the runtime is given as the arguments, and the assignment target that puts
 * replaced arguments back into the parameters.
 */
function parameters(site: FunctionSite, source: string): { args: string; reassign: string } {
  const params = site.node.params as Node[];
  const targets = params.map((p) => assignTarget(p, source));
  const reassign = targets.some((t) => t !== '') ? targets.join(', ') : '';
  // Only a body that reads `arguments` pays for it: referenced anywhere, V8 creates the
  // object on every call. Otherwise the parameters' values (after their defaults); a
  // destructured parameter is reported as undefined.
  if (site.node.type !== 'ArrowFunctionExpression' && site.usesArguments) return { args: 'arguments', reassign };
  const values = params.map((p) => {
    if (p.type === 'Identifier') return p.name as string;
    if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') return p.left.name as string;
    if (p.type === 'RestElement' && p.argument.type === 'Identifier') return `...${p.argument.name}`;
    return 'void 0';
  });
  return { args: `[${values.join(', ')}]`, reassign };
}

/** The parameter as an assignment target, or '' when it cannot be written on one line. */
function assignTarget(param: Node, source: string): string {
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  if (param.type === 'RestElement' && param.argument.type === 'Identifier') return `...${param.argument.name}`;
  const text = source.slice(param.start, param.end);
  if (/[\n\r\u2028\u2029]|\/\/|\/\*/.test(text)) return '';
  return text;
}
