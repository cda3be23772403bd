import type { Comment, Program } from 'acorn';
import type { FunctionKind } from '../emitted.js';

/** An ESTree node as acorn builds it; the walker reads it generically. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = { type: string; start: number; end: number; loc?: any; [key: string]: any };

/** Everything Phase II needs to know about one function of the source (Phase I). */
export interface FunctionSite {
  node: Node;
  index: number;
  name: string;
  kind: FunctionKind;
  async: boolean;
  generator: boolean;
  static: boolean;
  safe: boolean;
  line: number;
  column: number;
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

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const SAFE_TAG = '@kheiron-safe';

interface Scope {
  site: FunctionSite | undefined;
  /** Qualified name of the enclosing function plus '/', or '' at module level. */
  prefix: string;
  strict: boolean;
}

/** Walks the program once and records every function in source order of their start. */
/** Maps a generated position (1-based line, 0-based column) to the one the registry reports. */
export type PositionMapper = (line: number, column: number) => { line: number; column: number };

const identity: PositionMapper = (line, column) => ({ line, column });

/** The child nodes of an AST node, in no particular order. */
export function children(node: Node): Node[] {
  const found: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') found.push(child as Node);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') found.push(value as Node);
  }
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

/** The functions of a module, in source order, and whether it evaluates a tagged template anywhere. */
export type Collected = FunctionSite[] & { tagsTemplate: boolean };

export function collectFunctions(
  ast: Program,
  source: string,
  comments: Comment[],
  module: boolean,
  mapPosition: PositionMapper = identity,
): Collected {
  const sites = Object.assign([] as FunctionSite[], { tagsTemplate: false });
  const lines = new LineTable(source);
  const ancestors: Node[] = [];
  const objectNames = new Map<Node, string>();
  const classNames = new Map<Node, string>();

  const isStrictBody = (body: Node[]): boolean => {
    for (const statement of body) {
      if (statement.directive === undefined) return false;
      if (statement.directive === 'use strict') return true;
    }
    return false;
  };

  const visit = (node: Node, scope: Scope): void => {
    ancestors.push(node);
    if (FUNCTION_TYPES.has(node.type)) {
      visitFunction(node, scope);
    } else {
      let inner = scope;
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
        classNames.set(node, className(node));
        inner = { ...scope, strict: true };
      } else if (node.type === 'ObjectExpression') {
        objectNames.set(node, inferredName(ancestors.length - 1) ?? '');
      } else if (node.type === 'Identifier' && node.name === 'arguments') {
        markArguments();
      } else if (node.type === 'ReturnStatement' && scope.site) {
        scope.site.returns.push(node);
      } else if ((node.type === 'Super' || node.type === 'MetaProperty') && scope.site) {
        scope.site.usesSuper = true;
      } else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'eval' && scope.site) {
        scope.site.usesEval = true;
      } else if (node.type === 'TaggedTemplateExpression') {
        sites.tagsTemplate = true;
        for (const a of ancestors) {
          const site = siteOf.get(a);
          if (site) site.tagsTemplate = true;
        }
      } else if (node.type === 'VariableDeclaration' && node.kind === 'var' && scope.site) {
        for (const d of node.declarations as Node[]) bindingNames(d.id, scope.site.varNames);
      }
      visitChildren(node, inner);
    }
    ancestors.pop();
  };

  const siteOf = new Map<Node, FunctionSite>();

  const markArguments = (): void => {
    // Arrows read the `arguments` of the closest enclosing non-arrow function.
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i]!;
      if (a.type === 'FunctionDeclaration' || a.type === 'FunctionExpression') {
        const site = siteOf.get(a);
        if (site) site.usesArguments = true;
        return;
      }
    }
  };

  const visitChildren = (node: Node, scope: Scope): void => {
    for (const key in node) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type') continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      // Property names are not references to `arguments`.
      if (key === 'property' && node.type === 'MemberExpression' && !node.computed) continue;
      if (key === 'key' && !node.computed && (node.type === 'Property' || node.type === 'MethodDefinition' || node.type === 'PropertyDefinition')) continue;
      if (key === 'label') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') visit(child, scope);
      } else if (typeof value.type === 'string') {
        visit(value, scope);
      }
    }
  };

  const visitFunction = (node: Node, scope: Scope): void => {
    const parent = ancestors[ancestors.length - 2];
    const isMember = parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && (parent.method || parent.kind !== 'init'));
    let kind: FunctionKind;
    let local: string;
    let isStatic = false;
    let derived = false;
    if (isMember) {
      const member = parent!;
      const owner = ancestors[ancestors.length - 3];
      const key = keyName(member.key, member.computed);
      if (member.type === 'MethodDefinition') {
        const cls = ancestors[ancestors.length - 4]!;
        const clsName = classNames.get(cls) ?? '<class>';
        isStatic = member.static === true;
        if (member.kind === 'constructor') {
          kind = 'constructor';
          local = `${clsName}.constructor`;
          derived = cls.superClass != null;
        } else {
          kind = member.kind === 'get' ? 'getter' : member.kind === 'set' ? 'setter' : 'method';
          local = `${clsName}${isStatic ? '' : '.prototype'}.${key}`;
        }
      } else {
        const objName = owner ? objectNames.get(owner) : undefined;
        kind = member.kind === 'get' ? 'getter' : member.kind === 'set' ? 'setter' : 'method';
        local = objName ? `${objName}.${key}` : key;
      }
      if (kind === 'getter') local = `get ${local}`;
      if (kind === 'setter') local = `set ${local}`;
    } else {
      kind = node.type === 'ArrowFunctionExpression' ? 'arrow' : 'function';
      isStatic = staticField(ancestors.length - 1);
      local = node.id?.name ?? inferredName(ancestors.length - 1) ?? `<${kind === 'arrow' ? 'arrow' : 'anonymous'}>@${position(node)}`;
    }
    const body: Node = node.body;
    const start = mapPosition(...lines.at(node.start));
    const strict = scope.strict || (body.type === 'BlockStatement' && isStrictBody(body.body));
    const site: FunctionSite = {
      node,
      index: sites.length,
      name: scope.prefix + local,
      kind,
      async: node.async === true,
      generator: node.generator === true,
      static: isStatic,
      safe: hasSafeTag(leadingStart(node)),
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
    sites.push(site);
    siteOf.set(node, site);
    if (scope.site) scope.site.hasNested = true;
    const inner: Scope = { site, prefix: site.name + '/', strict };
    for (const param of node.params as Node[]) visit(param, inner);
    if (body.type === 'BlockStatement') {
      ancestors.push(body);
      for (const statement of body.body as Node[]) visit(statement, inner);
      ancestors.pop();
      site.hoistConflict = hasHoistConflict(site, body.body as Node[]);
      site.self = selfReference(site, ancestors, body.body as Node[]);
    } else {
      visit(body, inner);
      site.self = selfReference(site, ancestors, []);
    }
  };

  const position = (node: Node): string => {
    const { line, column } = mapPosition(...lines.at(node.start));
    return `${line}:${column + 1}`;
  };

  /** The function at ancestors[i] initialises a static class field. */
  const staticField = (i: number): boolean => {
    let j = i - 1;
    while (j >= 0 && ancestors[j]!.type === 'ParenthesizedExpression') j--;
    const parent = ancestors[j];
    return parent?.type === 'PropertyDefinition' && parent.static === true;
  };

  const className = (node: Node): string => {
    if (node.id) return node.id.name;
    return inferredName(ancestors.length - 1) ?? `<class>@${position(node)}`;
  };

  /** The name JavaScript itself would infer for an anonymous function, class or object at ancestors[i]. */
  const inferredName = (i: number): string | undefined => {
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
        const objName = owner ? objectNames.get(owner) : undefined;
        const key = keyName(parent.key, parent.computed);
        return objName ? `${objName}.${key}` : key;
      }
      case 'PropertyDefinition': {
        if (parent.value !== child) return undefined;
        const cls = ancestors[j - 2];
        const clsName = (cls && classNames.get(cls)) ?? '<class>';
        return `${clsName}${parent.static ? '' : '.prototype'}.${keyName(parent.key, parent.computed)}`;
      }
      case 'ExportDefaultDeclaration':
        return 'default';
      default:
        return undefined;
    }
  };

  const exprName = (node: Node): string | undefined => {
    if (node.type === 'Identifier') return node.name;
    if (node.type === 'ThisExpression') return 'this';
    if (node.type === 'MemberExpression') {
      const object = exprName(node.object);
      if (object === undefined) return undefined;
      if (!node.computed) return `${object}.${node.property.type === 'PrivateIdentifier' ? '#' : ''}${node.property.name}`;
      if (node.property.type === 'Literal') return `${object}[${JSON.stringify(node.property.value)}]`;
    }
    return undefined;
  };

  const keyName = (key: Node, computed: boolean): string => {
    if (!computed) {
      if (key.type === 'Identifier') return key.name;
      if (key.type === 'PrivateIdentifier') return `#${key.name}`;
      if (key.type === 'Literal') return String(key.value);
    }
    const text = source.slice(key.start, key.end);
    return text.length <= 40 && !/[\r\n\u2028\u2029]/.test(text) ? `[${text}]` : '[computed]';
  };

  /** Where the comment that documents this function would end: the start of its declaration. */
  const leadingStart = (node: Node): number => {
    let start = node.start;
    for (let i = ancestors.length - 2; i >= 0; i--) {
      const a = ancestors[i]!;
      if (!LEAD_WRAPPERS.has(a.type)) break;
      start = a.start;
    }
    return start;
  };

  const hasSafeTag = (start: number): boolean => {
    // The last comment that ends before `start`, with only whitespace in between.
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
    if (source.slice(comment.end, start).trim() !== '') return false;
    return comment.value.includes(SAFE_TAG);
  };

  const rootScope: Scope = { site: undefined, prefix: '', strict: module || isStrictBody(ast.body as unknown as Node[]) };
  for (const statement of ast.body as unknown as Node[]) visit(statement, rootScope);
  return sites;
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
    if (statement.type === 'VariableDeclaration') for (const d of statement.declarations as Node[]) bindingNames(d.id, own);
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
      return (node.properties as Node[]).every((p) => p.type === 'Property' && !p.computed && p.kind === 'init' && isInert(p.value));
    case 'NewExpression':
      return node.callee.type === 'Identifier' && ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object'].includes(node.callee.name) && node.arguments.length === 0;
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

