import { RUNTIME_GLOBAL as K, slotName } from '../emitted.js';
import type { FunctionSite, Node } from './collect.js';
import type { Insertion } from './edits.js';

/*
 * Phase II: the shape of a prepared function. For a block body
 *
 *   function f(a, b) { BODY }
 *
 * becomes, on the same lines,
 *
 *   function f(a, b) { var $k$c, $k$v; if (SLOT !== false && ($k$c = K.b(SLOT, this, [a, b])) !== void 0)
 *     { if ($k$c.s) return $k$c.r; if ($k$c.n) [a, b] = $k$c.a; } try { BODY'
 *     ;if ($k$c !== void 0) return K.r($k$c, void 0); } catch ($k$e) {
 *     if ($k$c !== void 0) return K.t($k$c, $k$e); throw $k$e; } }
 *
 * where BODY' reports each `return X` to the runtime only when a call context exists.
 * `void 0`, not `undefined`: a parameter or variable may be named `undefined`.
 * SLOT is a global that holds `false` while nothing is attached and is never written then,
 * so V8 folds the check away in optimised code; everything after it is the attached path.
 * The runtime is passed the parameters, not `arguments`, unless the body uses `arguments`
 * itself: mentioning it in sloppy code moves every parameter into a heap context.
 */

const CTX = '$k$c';
const VAL = '$k$v';
const ERR = '$k$e';

export function prepareFunction(site: FunctionSite, source: string, prefix: string, out: Insertion[]): void {
  const { node, depth } = site;
  const slot = slotName(prefix, site.index);
  const arrow = node.type === 'ArrowFunctionExpression';
  const body: Node = node.body;
  const thisArg = arrow || site.derived ? 'void 0' : 'this';
  const implicitResult = site.kind === 'constructor' ? 'this' : 'void 0';
  const { args, reassign } = parameters(site, source);
  const call = `${K}.b(${slot}, ${thisArg}, ${args}${site.self ? `, ${site.self}` : ''})`;

  const enter =
    `if (${slot} !== false && (${CTX} = ${call}) !== void 0) ` +
    `{ if (${CTX}.s) return ${CTX}.r;${reassign ? ` if (${CTX}.n) [${reassign}] = ${CTX}.a;` : ''} } `;
  const onThrow = `catch (${ERR}) { if (${CTX} !== void 0) return ${K}.t(${CTX}, ${ERR}); throw ${ERR}; }`;
  const report = (value: string): string => `${CTX} !== void 0 ? ${K}.r(${CTX}, ${value}) : ${value}`;

  if (body.type !== 'BlockStatement') {
    // Concise arrow body: `(a) => EXPR` becomes a block that returns EXPR.
    out.push({ pos: body.start, closing: false, depth, text: `{ var ${CTX}, ${VAL}; ${enter}try { return (${VAL} = (${unnamed(body)}` });
    out.push({ pos: body.end, closing: true, depth, text: `), ${report(VAL)}); } ${onThrow} }` });
    return;
  }

  const needsValue = site.returns.some((r) => r.argument);
  const directives = leadingDirectives(body);
  const atCall = site.generator && beforeAtCall(site, source, slot, out);
  // A generator whose `before` already ran at the call finds its context in a parameter.
  const declare = atCall ? (needsValue ? `var ${VAL}; ` : '') : `var ${CTX}${needsValue ? `, ${VAL}` : ''}; `;
  const start = atCall
    ? `if (${CTX} !== void 0) { if (${CTX}.s) return ${CTX}.r;${reassign ? ` if (${CTX}.n) [${reassign}] = ${CTX}.a;` : ''} } `
    : enter;
  const at = directives ? directives.end : body.start + 1;
  const guard = !site.hoistConflict;
  const open = `${directives ? ';' : ''}${declare}${start}${guard ? 'try {' : ''}`;
  const close = `;if (${CTX} !== void 0) return ${K}.r(${CTX}, ${implicitResult});${guard ? ` } ${onThrow}` : ''}`;
  if (at === body.end - 1) {
    // An empty body: both halves at one position, in this order.
    out.push({ pos: at, closing: false, depth, text: open + close });
  } else {
    out.push({ pos: at, closing: false, depth, text: open });
    out.push({ pos: body.end - 1, closing: true, depth, text: close });
  }

  // A return site nests inside the body: at a shared position it closes first.
  const inner = depth + 0.5;
  for (const ret of site.returns) {
    if (ret.argument) {
      out.push({ pos: ret.argument.start, closing: false, depth: inner, text: `(${VAL} = (${unnamed(ret.argument)}` });
      out.push({ pos: ret.argument.end, closing: true, depth: inner, text: `), ${report(VAL)})` });
    } else {
      // A suffix of the `return` keyword: it closes before an epilog at the same position.
      out.push({ pos: ret.start + 'return'.length, closing: true, depth: inner, text: ` ${CTX} !== void 0 ? ${K}.r(${CTX}, ${implicitResult}) : void 0` });
    }
  }
}

/**
 * The body of a generator runs at its first `next()`; its parameters are bound at the call.
 * A trailing rest parameter whose pattern has a computed key (a symbol no array has) runs
 * the `before` control point at the call and binds the context:
 *   function* g(a, ...{ [K.k]: $k$c = SLOT !== false ? K.b(SLOT, this, arguments) : void 0 })
 * `length` is unchanged (a rest parameter does not count). Not possible with a rest parameter
 * already there, with a "use strict" directive (forbidden with such parameters), or where
 * sloppy code reads `arguments` (they would no longer be mapped to the parameters).
 */
function beforeAtCall(site: FunctionSite, source: string, slot: string, out: Insertion[]): boolean {
  const params = site.node.params as Node[];
  if (params.some((p) => p.type === 'RestElement')) return false;
  // Sloppy code: mapped arguments, eval and duplicate parameter names need simple parameters.
  if (!site.strict && (site.usesArguments || site.usesEval || hasDuplicates(params))) return false;
  if ((site.node.body.body as Node[]).some((s) => s.directive === 'use strict')) return false;
  const rest = `...{ [${K}.k]: ${CTX} = ${slot} !== false ? ${K}.b(${slot}, this, arguments${site.self ? `, ${site.self}` : ''}) : void 0 }`;
  const last = params[params.length - 1];
  const close = closingParen(source, last ? last.end : source.indexOf('(', site.node.id ? site.node.id.end : site.node.start) + 1);
  if (close < 0) return false;
  const trailingComma = last !== undefined && source.slice(last.end, close).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g, '').includes(',');
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
    e.type === 'ArrowFunctionExpression' || ((e.type === 'FunctionExpression' || e.type === 'ClassExpression') && !e.id);
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
  const simple = params.every((p) => p.type === 'Identifier');
  const targets = params.map((p) => assignTarget(p, source));
  const reassign = targets.some((t) => t !== '') ? targets.join(', ') : '';
  const arrow = site.node.type === 'ArrowFunctionExpression';
  if (!arrow && (site.usesArguments || !simple)) return { args: 'arguments', reassign };
  // Arrows have no `arguments`; a destructured parameter is reported as undefined.
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
