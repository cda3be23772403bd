import type { Comment, Program } from 'acorn';
import type { FunctionKind, FunctionMetadata } from '../emitted.js';

/** An ESTree node as acorn builds it; the walker reads it generically. */
export type Node = { type: string; start: number; end: number; [key: string]: any };

/** Everything Phase II needs to know about one function of the source (Phase I). */
export interface FunctionSite extends Pick<
  FunctionMetadata,
  'index' | 'name' | 'kind' | 'async' | 'generator' | 'static' | 'safe' | 'line' | 'column'
> {
  node: Node;
  depth: number;
  strict: boolean;
  /** The body reads `arguments` of this function (directly or from a nested arrow). */
  usesArguments: boolean;
  /** A constructor of a class with `extends`: `this` is not bound before `super()`. */
  derived: boolean;
  /** `return` statements that belong to this function, in source order. */
  returns: Node[];
  /** Names declared with `var` in this function's own scope. */
  varNames: Set<string>;
  /**
   * A top-level function declaration of the body would become a block-level one inside a
   * try block and clash (with a `var`, a parameter, or another declaration of the name).
   */
  hoistConflict: boolean;
  /**
   * An expression that evaluates, inside the function, to the function itself: lets the
   * engine run the original again (a retry). Only where it costs dormant code nothing: a
   * top-level name, a named function expression's own name, a method of a named class.
   */
  self?: string;
  /** Functions are defined inside this one. */
  hasNested: boolean;
  /** The body uses `super` or `new.target`. */
  usesSuper: boolean;
  /** The body calls `eval` directly: it may declare variables or touch `arguments`. */
  usesEval: boolean;
  /** A tagged template is evaluated in it or in a function inside it. */
  tagsTemplate: boolean;
  /** Prepared to run its own body again on the attached path (set by Phase II). */
  reentry?: boolean;
  /** Prepared with a shadow (set by Phase II). */
  shadow?: boolean;
  /** A generator whose `before` runs at the call (set by Phase II). */
  beforeAtCall?: boolean;
}

const SAFE_TAG = '@kheiron-safe';

interface Scope {
  site: FunctionSite | undefined;
  /** Qualified name of the enclosing function plus '/', or '' at module level. */
  prefix: string;
  strict: boolean;
}

/** Maps a generated position (1-based line, 0-based column) to the one the registry reports. */
export type PositionMapper = (line: number, column: number) => { line: number; column: number };

const identity: PositionMapper = (line, column) => ({ line, column });

/**
 * Calls `fn` for each child node of `node` that holds code: not the name of a non-computed
 * property or member, not a label. The one rule for walking the AST, here and in Phase II.
 */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  for (const key in node) {
    if (key === 'start' || key === 'end' || key === 'type' || key === 'label') continue;
    const value = node[key];
    if (value === null || typeof value !== 'object') continue;
    if (key === 'property' && node.type === 'MemberExpression' && !node.computed) continue;
    if (
      key === 'key' &&
      !node.computed &&
      (node.type === 'Property' || node.type === 'MethodDefinition' || node.type === 'PropertyDefinition')
    )
      continue;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') fn(child as Node);
    } else if (typeof value.type === 'string') {
      fn(value as Node);
    }
  }
}

/** The child nodes of an AST node that hold code (see `forEachChild`). */
export function children(node: Node): Node[] {
  const found: Node[] = [];
  forEachChild(node, (child) => found.push(child));
  return found;
}

/** Every class declaration and expression under `node`: V8 compiles each as one function literal. */
export function classNodes(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') found.push(node);
  forEachChild(node, (child) => classNodes(child, found));
  return found;
}

/**
 * Line (1-based) and column (0-based, UTF-16) of an offset, as acorn's `locations` would give
 * them: the parser runs without locations, which costs it a third of its time.
 */
export class LineTable {
  private starts: number[] | undefined;
  constructor(private readonly source: string) {}

  at(offset: number): [line: number, column: number] {
    const starts = (this.starts ??= lineStarts(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - starts[lo]!];
  }
}

function lineStarts(source: string): number[] {
  const starts = [0];
  const breaks = /\r\n?|[\n\u2028\u2029]/g;
  for (let m = breaks.exec(source); m; m = breaks.exec(source)) starts.push(m.index + m[0].length);
  return starts;
}

/** Walks the program once and records every function in source order of their start (Phase I). */
export function collectFunctions(
  ast: Program,
  source: string,
  comments: Comment[],
  module: boolean,
  mapPosition: PositionMapper = identity,
): FunctionSite[] {
  const walk = new Walk(source, comments, mapPosition);
  const body = ast.body as unknown as Node[];
  const root: Scope = { site: undefined, prefix: '', strict: module || isStrictBody(body) };
  for (const statement of body) walk.visit(statement, root);
  return walk.sites;
}

/**
 * What a node does to the walk: a visitor records what it learns in the walk's state and may
 * return the scope its children are visited in, or HANDLED when it visited them itself.
 */
type Visitor = (walk: Walk, node: Node, scope: Scope) => Scope | typeof HANDLED | void;
const HANDLED = Symbol('handled');

const VISITORS: Readonly<Record<string, Visitor>> = {
  FunctionDeclaration: (walk, node, scope) => (walk.visitFunction(node, scope), HANDLED),
  FunctionExpression: (walk, node, scope) => (walk.visitFunction(node, scope), HANDLED),
  ArrowFunctionExpression: (walk, node, scope) => (walk.visitFunction(node, scope), HANDLED),
  ClassDeclaration: enterClass,
  ClassExpression: enterClass,
  ObjectExpression: (walk, node) => void walk.objectNames.set(node, walk.inferredName(walk.ancestors.length - 1) ?? ''),
  Identifier: (walk, node) => {
    if (node.name === 'arguments') walk.markArguments();
  },
  ReturnStatement: (_walk, node, scope) => void scope.site?.returns.push(node),
  Super: markSuper,
  MetaProperty: markSuper,
  CallExpression: (_walk, node, scope) => {
    if (scope.site && node.callee.type === 'Identifier' && node.callee.name === 'eval') scope.site.usesEval = true;
  },
  TaggedTemplateExpression: (walk) => {
    for (const a of walk.ancestors) {
      const site = walk.siteOf.get(a);
      if (site) site.tagsTemplate = true;
    }
  },
  VariableDeclaration: (_walk, node, scope) => {
    if (scope.site && node.kind === 'var')
      for (const d of node.declarations as Node[]) bindingNames(d.id, scope.site.varNames);
  },
};

function enterClass(walk: Walk, node: Node, scope: Scope): Scope {
  walk.classNames.set(
    node,
    node.id ? node.id.name : (walk.inferredName(walk.ancestors.length - 1) ?? `<class>@${walk.position(node)}`),
  );
  return { ...scope, strict: true };
}

function markSuper(_walk: Walk, _node: Node, scope: Scope): void {
  if (scope.site) scope.site.usesSuper = true;
}

/** The state of one walk over a module: the functions found and what naming them needs. */
class Walk {
  readonly sites: FunctionSite[] = [];
  readonly ancestors: Node[] = [];
  readonly objectNames = new Map<Node, string>();
  readonly classNames = new Map<Node, string>();
  readonly siteOf = new Map<Node, FunctionSite>();
  private readonly lines: LineTable;

  constructor(
    private readonly source: string,
    private readonly comments: Comment[],
    private readonly mapPosition: PositionMapper,
  ) {
    this.lines = new LineTable(source);
  }

  visit(node: Node, scope: Scope): void {
    this.ancestors.push(node);
    const inner = VISITORS[node.type]?.(this, node, scope);
    if (inner !== HANDLED) forEachChild(node, (child) => this.visit(child, inner ?? scope));
    this.ancestors.pop();
  }

  visitFunction(node: Node, scope: Scope): void {
    const { kind, local, isStatic, derived } = this.nameFunction(node);
    const body: Node = node.body;
    const start = this.mapPosition(...this.lines.at(node.start));
    const strict = scope.strict || (body.type === 'BlockStatement' && isStrictBody(body.body));
    const site: FunctionSite = {
      node,
      index: this.sites.length,
      name: scope.prefix + local,
      kind,
      async: node.async === true,
      generator: node.generator === true,
      static: isStatic,
      safe: this.hasSafeTag(this.leadingStart(node)),
      line: start.line,
      column: start.column + 1,
      depth: scope.site ? scope.site.depth + 1 : 0,
      strict,
      usesArguments: false,
      derived,
      returns: [],
      varNames: new Set(),
      hoistConflict: false,
      usesEval: false,
      tagsTemplate: false,
      hasNested: false,
      usesSuper: false,
    };
    this.sites.push(site);
    this.siteOf.set(node, site);
    if (scope.site) scope.site.hasNested = true;
    const inner: Scope = { site, prefix: site.name + '/', strict };
    for (const param of node.params as Node[]) this.visit(param, inner);
    const statements: Node[] = body.type === 'BlockStatement' ? body.body : [];
    if (body.type === 'BlockStatement') {
      this.ancestors.push(body);
      for (const statement of statements) this.visit(statement, inner);
      this.ancestors.pop();
      site.hoistConflict = hasHoistConflict(site, statements);
    } else {
      this.visit(body, inner);
    }
    site.self = selfReference(site, this.ancestors, statements);
  }

  /** The function's kind and its name within the enclosing one, as the registry shows them. */
  private nameFunction(node: Node): { kind: FunctionKind; local: string; isStatic: boolean; derived: boolean } {
    const { ancestors } = this;
    const parent = ancestors[ancestors.length - 2];
    const isMember =
      parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && (parent.method || parent.kind !== 'init'));
    if (!isMember) {
      const kind = node.type === 'ArrowFunctionExpression' ? 'arrow' : 'function';
      const local =
        node.id?.name ??
        this.inferredName(ancestors.length - 1) ??
        `<${kind === 'arrow' ? 'arrow' : 'anonymous'}>@${this.position(node)}`;
      return { kind, local, isStatic: this.staticField(ancestors.length - 1), derived: false };
    }
    const member = parent!;
    const key = this.keyName(member.key, member.computed);
    const accessor = (local: string): { kind: FunctionKind; local: string } =>
      member.kind === 'get'
        ? { kind: 'getter', local: `get ${local}` }
        : member.kind === 'set'
          ? { kind: 'setter', local: `set ${local}` }
          : { kind: 'method', local };
    if (member.type !== 'MethodDefinition') {
      const owner = ancestors[ancestors.length - 3];
      const objName = owner ? this.objectNames.get(owner) : undefined;
      return { ...accessor(objName ? `${objName}.${key}` : key), isStatic: false, derived: false };
    }
    const cls = ancestors[ancestors.length - 4]!;
    const clsName = this.classNames.get(cls) ?? '<class>';
    if (member.kind === 'constructor')
      return { kind: 'constructor', local: `${clsName}.constructor`, isStatic: false, derived: cls.superClass != null };
    const isStatic = member.static === true;
    return { ...accessor(`${clsName}${isStatic ? '' : '.prototype'}.${key}`), isStatic, derived: false };
  }

  markArguments(): void {
    // Arrows read the `arguments` of the closest enclosing non-arrow function.
    for (let i = this.ancestors.length - 1; i >= 0; i--) {
      const a = this.ancestors[i]!;
      if (a.type === 'FunctionDeclaration' || a.type === 'FunctionExpression') {
        const site = this.siteOf.get(a);
        if (site) site.usesArguments = true;
        return;
      }
    }
  }

  position(node: Node): string {
    const { line, column } = this.mapPosition(...this.lines.at(node.start));
    return `${line}:${column + 1}`;
  }

  /** The function at ancestors[i] initialises a static class field. */
  private staticField(i: number): boolean {
    let j = i - 1;
    while (j >= 0 && this.ancestors[j]!.type === 'ParenthesizedExpression') j--;
    const parent = this.ancestors[j];
    return parent?.type === 'PropertyDefinition' && parent.static === true;
  }

  /** The name JavaScript itself would infer for an anonymous function, class or object at ancestors[i]. */
  inferredName(i: number): string | undefined {
    const { ancestors } = this;
    let child = ancestors[i]!;
    let j = i - 1;
    while (j >= 0 && ancestors[j]!.type === 'ParenthesizedExpression') child = ancestors[j--]!;
    const parent = ancestors[j];
    if (!parent) return undefined;
    switch (parent.type) {
      case 'VariableDeclarator':
        return parent.init === child && parent.id.type === 'Identifier' ? parent.id.name : undefined;
      case 'AssignmentExpression':
        return parent.right === child ? exprName(parent.left) : undefined;
      case 'AssignmentPattern':
        return parent.right === child && parent.left.type === 'Identifier' ? parent.left.name : undefined;
      case 'Property': {
        if (parent.value !== child || parent.kind !== 'init') return undefined;
        const owner = ancestors[j - 1];
        const objName = owner ? this.objectNames.get(owner) : undefined;
        const key = this.keyName(parent.key, parent.computed);
        return objName ? `${objName}.${key}` : key;
      }
      case 'PropertyDefinition': {
        if (parent.value !== child) return undefined;
        const cls = ancestors[j - 2];
        const clsName = (cls && this.classNames.get(cls)) ?? '<class>';
        return `${clsName}${parent.static ? '' : '.prototype'}.${this.keyName(parent.key, parent.computed)}`;
      }
      case 'ExportDefaultDeclaration':
        return 'default';
      default:
        return undefined;
    }
  }

  private keyName(key: Node, computed: boolean): string {
    if (!computed) {
      if (key.type === 'Identifier') return key.name;
      if (key.type === 'PrivateIdentifier') return `#${key.name}`;
      if (key.type === 'Literal') return String(key.value);
    }
    const text = this.source.slice(key.start, key.end);
    return text.length <= 40 && !/[\r\n\u2028\u2029]/.test(text) ? `[${text}]` : '[computed]';
  }

  /** Where the comment that documents this function would end: the start of its declaration. */
  private leadingStart(node: Node): number {
    let start = node.start;
    for (let i = this.ancestors.length - 2; i >= 0; i--) {
      const a = this.ancestors[i]!;
      if (!LEAD_WRAPPERS.has(a.type)) break;
      start = a.start;
    }
    return start;
  }

  private hasSafeTag(start: number): boolean {
    // The last comment that ends before `start`, with only whitespace in between.
    const { comments } = this;
    let lo = 0;
    let hi = comments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (comments[mid]!.end <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return false;
    const comment = comments[found]!;
    if (this.source.slice(comment.end, start).trim() !== '') return false;
    return comment.value.includes(SAFE_TAG);
  }
}

function isStrictBody(body: Node[]): boolean {
  for (const statement of body) {
    if (statement.directive === undefined) return false;
    if (statement.directive === 'use strict') return true;
  }
  return false;
}

function exprName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') {
    const object = exprName(node.object);
    if (object === undefined) return undefined;
    if (!node.computed)
      return `${object}.${node.property.type === 'PrivateIdentifier' ? '#' : ''}${node.property.name}`;
    if (node.property.type === 'Literal') return `${object}[${JSON.stringify(node.property.value)}]`;
  }
  return undefined;
}

function selfReference(site: FunctionSite, ancestors: Node[], statements: Node[]): string | undefined {
  const node = site.node;
  let i = ancestors.length - 1;
  while (i >= 0 && ancestors[i] !== node) i--;
  let j = i - 1;
  while (j >= 0 && ancestors[j]!.type === 'ParenthesizedExpression') j--;
  const parent = ancestors[j];
  let root: string | undefined;
  let expression: string | undefined;
  if (node.type === 'FunctionExpression' && node.id && parent?.type !== 'MethodDefinition') {
    root = expression = node.id.name;
  } else if (node.type === 'FunctionDeclaration' && node.id && site.depth === 0) {
    root = expression = node.id.name;
  } else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && site.depth === 0) {
    root = expression = parent.id.name;
  } else if (parent?.type === 'MethodDefinition' && parent.kind === 'constructor') {
    // The class itself: the engine constructs it again. A base class's fields would be
    // initialised twice: only where that cannot be observed.
    const cls = ancestors[j - 2];
    if (!cls?.id || (cls.superClass == null && !(cls.body.body as Node[]).every(inertField))) return undefined;
    root = expression = cls.id.name as string;
  } else if (parent?.type === 'MethodDefinition' && parent.kind === 'method' && !parent.computed) {
    const cls = ancestors[j - 2];
    const key: Node = parent.key;
    if (!cls?.id || key.type === 'PrivateIdentifier') return undefined;
    root = cls.id.name as string;
    const member = key.type === 'Identifier' ? `.${key.name}` : `[${JSON.stringify(String(key.value))}]`;
    expression = `${root}${parent.static ? '' : '.prototype'}${member}`;
  }
  if (!root || !expression) return undefined;
  // The name must not be redeclared in the function's own scope.
  const own = new Set<string>(site.varNames);
  for (const p of node.params as Node[]) bindingNames(p, own);
  for (let statement of statements) {
    while (statement.type === 'LabeledStatement') statement = statement.body;
    if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') own.add(statement.id.name);
    if (statement.type === 'VariableDeclaration')
      for (const d of statement.declarations as Node[]) bindingNames(d.id, own);
  }
  if (own.has(root) || site.usesEval) return undefined;
  // Sloppy names that are keywords inside a generator or async function.
  if ((site.generator && root === 'yield') || (site.async && root === 'await')) return undefined;
  return expression;
}

function inertField(member: Node): boolean {
  return member.type !== 'PropertyDefinition' || member.static || member.value == null || isInert(member.value);
}

/** An expression whose evaluation has no effect anyone could observe, but an allocation. */
function isInert(node: Node): boolean {
  switch (node.type) {
    case 'Literal':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'Identifier':
      return node.name === 'undefined';
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'UnaryExpression':
      return node.operator !== 'delete' && isInert(node.argument);
    case 'ArrayExpression':
      return (node.elements as (Node | null)[]).every((e) => e === null || isInert(e));
    case 'ObjectExpression':
      return (node.properties as Node[]).every(
        (p) => p.type === 'Property' && !p.computed && p.kind === 'init' && isInert(p.value),
      );
    case 'NewExpression':
      return (
        node.callee.type === 'Identifier' &&
        ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object'].includes(node.callee.name) &&
        node.arguments.length === 0
      );
    case 'ParenthesizedExpression':
      return isInert(node.expression);
    default:
      return false;
  }
}

function hasHoistConflict(site: FunctionSite, statements: Node[]): boolean {
  const params = new Set<string>();
  for (const p of site.node.params as Node[]) bindingNames(p, params);
  const seen = new Set<string>();
  // Sloppy direct eval may declare a `var` of any name at run time.
  const evalVars = site.usesEval && !site.strict;
  for (let statement of statements) {
    while (statement.type === 'LabeledStatement') statement = statement.body;
    if (statement.type !== 'FunctionDeclaration') continue;
    const name: string = statement.id.name;
    if (evalVars || seen.has(name) || site.varNames.has(name) || params.has(name) || name === 'arguments') return true;
    seen.add(name);
  }
  return false;
}

function bindingNames(pattern: Node | null, out: Set<string>): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier':
      out.add(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties as Node[]) bindingNames(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const e of pattern.elements as (Node | null)[]) bindingNames(e, out);
      break;
    case 'RestElement':
      bindingNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      bindingNames(pattern.left, out);
      break;
  }
}

const LEAD_WRAPPERS = new Set([
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'MethodDefinition',
  'PropertyDefinition',
  'Property',
  'VariableDeclarator',
  'VariableDeclaration',
  'ParenthesizedExpression',
  'AssignmentExpression',
  'ExpressionStatement',
]);
