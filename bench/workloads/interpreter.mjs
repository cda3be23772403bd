// Workload (f): a small tree-walking interpreter. A tokenizer and a recursive
// descent parser build AST node classes, each with an evaluate(env) method.

class LangError extends Error {}

class Environment {
  constructor(parent = null) { this.vars = new Map(); this.parent = parent; }
  define(name, value) { this.vars.set(name, value); return value; }
  #resolve(name) {
    let env = this;
    while (env !== null) {
      if (env.vars.has(name)) return env;
      env = env.parent;
    }
    throw new LangError(`undefined variable ${name}`);
  }
  lookup(name) { return this.#resolve(name).vars.get(name); }
  assign(name, value) { this.#resolve(name).vars.set(name, value); return value; }
  child() { return new Environment(this); }
}

class Node {
  get kind() { return this.constructor.name; }
  evaluate(_env) { throw new LangError(`cannot evaluate ${this.kind}`); }
}
class NumberLit extends Node {
  constructor(value) { super(); this.value = value; }
  evaluate() { return this.value; }
}
class StringLit extends Node {
  constructor(value) { super(); this.value = value; }
  evaluate() { return this.value; }
}
class Var extends Node {
  constructor(name) { super(); this.name = name; }
  evaluate(env) { return env.lookup(this.name); }
}
class Unary extends Node {
  constructor(op, operand) { super(); this.op = op; this.operand = operand; }
  evaluate(env) {
    const v = this.operand.evaluate(env);
    return this.op === '-' ? -v : !v ? 1 : 0;
  }
}
class Binary extends Node {
  constructor(op, left, right) { super(); this.op = op; this.left = left; this.right = right; }
  evaluate(env) {
    const a = this.left.evaluate(env);
    if (this.op === '&&') return a ? this.right.evaluate(env) : a;
    if (this.op === '||') return a ? a : this.right.evaluate(env);
    const b = this.right.evaluate(env);
    switch (this.op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return Math.trunc(a / b);
      case '%': return a % b;
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      default: throw new LangError(`bad operator ${this.op}`);
    }
  }
}
class Assign extends Node {
  constructor(name, value) { super(); this.name = name; this.value = value; }
  evaluate(env) { return env.assign(this.name, this.value.evaluate(env)); }
}
class Let extends Node {
  constructor(name, value) { super(); this.name = name; this.value = value; }
  evaluate(env) { return env.define(this.name, this.value.evaluate(env)); }
}
class Block extends Node {
  constructor(body) { super(); this.body = body; }
  evaluate(env) {
    const scope = env.child();
    let result = 0;
    for (const stmt of this.body) result = stmt.evaluate(scope);
    return result;
  }
}
class If extends Node {
  constructor(test, then, otherwise) { super(); this.test = test; this.then = then; this.otherwise = otherwise; }
  evaluate(env) {
    if (this.test.evaluate(env)) return this.then.evaluate(env);
    return this.otherwise === null ? 0 : this.otherwise.evaluate(env);
  }
}
class While extends Node {
  constructor(test, body) { super(); this.test = test; this.body = body; }
  evaluate(env) {
    let result = 0;
    while (this.test.evaluate(env)) result = this.body.evaluate(env);
    return result;
  }
}
class ReturnSignal {
  constructor(value) { this.value = value; }
}
class Return extends Node {
  constructor(value) { super(); this.value = value; }
  evaluate(env) { throw new ReturnSignal(this.value.evaluate(env)); }
}
class Closure {
  constructor(params, body, env) { this.params = params; this.body = body; this.env = env; }
  get arity() { return this.params.length; }
  call(args) {
    const scope = this.env.child();
    for (let i = 0; i < this.params.length; i++) scope.define(this.params[i], args[i]);
    try {
      return this.body.evaluate(scope);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    }
  }
}
class FnExpr extends Node {
  constructor(params, body) { super(); this.params = params; this.body = body; }
  evaluate(env) { return new Closure(this.params, this.body, env); }
}
class Call extends Node {
  constructor(callee, args) { super(); this.callee = callee; this.args = args; }
  evaluate(env) {
    const fn = this.callee.evaluate(env);
    const args = this.args.map((a) => a.evaluate(env));
    if (typeof fn === 'function') return fn(...args);
    if (!(fn instanceof Closure)) throw new LangError('not callable');
    if (fn.arity !== args.length) throw new LangError('arity mismatch');
    return fn.call(args);
  }
}

// --- tokenizer -------------------------------------------------------------------------
class Token {
  constructor(type, text, pos) { this.type = type; this.text = text; this.pos = pos; }
  is(type, text) { return this.type === type && (text === undefined || this.text === text); }
}
const KEYWORDS = new Set(['let', 'fn', 'if', 'else', 'while', 'return']);
class Lexer {
  constructor(src) { this.src = src; this.pos = 0; }
  get done() { return this.pos >= this.src.length; }
  peekChar(offset = 0) { return this.src[this.pos + offset]; }
  isDigit(c) { return c >= '0' && c <= '9'; }
  isIdentStart(c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_'; }
  skipSpace() {
    while (!this.done) {
      const c = this.peekChar();
      if (c === ' ' || c === '\n' || c === '\t' || c === '\r') this.pos++;
      else if (c === '#') { while (!this.done && this.peekChar() !== '\n') this.pos++; }
      else break;
    }
  }
  tokens() {
    const out = [];
    for (;;) {
      this.skipSpace();
      if (this.done) { out.push(new Token('eof', '', this.pos)); return out; }
      const start = this.pos, c = this.peekChar();
      if (this.isDigit(c)) {
        while (!this.done && this.isDigit(this.peekChar())) this.pos++;
        out.push(new Token('num', this.src.slice(start, this.pos), start));
      } else if (this.isIdentStart(c)) {
        while (!this.done && (this.isIdentStart(this.peekChar()) || this.isDigit(this.peekChar()))) this.pos++;
        const text = this.src.slice(start, this.pos);
        out.push(new Token(KEYWORDS.has(text) ? 'kw' : 'ident', text, start));
      } else if (c === '"') {
        this.pos++;
        while (!this.done && this.peekChar() !== '"') this.pos++;
        this.pos++;
        out.push(new Token('str', this.src.slice(start + 1, this.pos - 1), start));
      } else {
        const two = c + (this.peekChar(1) ?? '');
        if (['<=', '>=', '==', '!=', '&&', '||'].includes(two)) { this.pos += 2; out.push(new Token('op', two, start)); }
        else { this.pos++; out.push(new Token('op', c, start)); }
      }
    }
  }
}

// --- parser --------------------------------------------------------------------------------
const PRECEDENCE = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
class Parser {
  constructor(tokens) { this.tokens = tokens; this.i = 0; }
  get current() { return this.tokens[this.i]; }
  advance() { return this.tokens[this.i++]; }
  check(type, text) { return this.current.is(type, text); }
  match(type, text) { if (this.check(type, text)) { this.i++; return true; } return false; }
  expect(type, text) {
    if (!this.check(type, text)) throw new LangError(`expected ${text ?? type} at ${this.current.pos}`);
    return this.advance();
  }
  program() {
    const body = [];
    while (!this.check('eof')) body.push(this.statement());
    return new Block(body);
  }
  statement() {
    if (this.match('kw', 'let')) {
      const name = this.expect('ident').text;
      this.expect('op', '=');
      const value = this.expression();
      this.match('op', ';');
      return new Let(name, value);
    }
    if (this.match('kw', 'return')) { const v = this.expression(); this.match('op', ';'); return new Return(v); }
    if (this.match('kw', 'while')) { const test = this.expression(); return new While(test, this.block()); }
    if (this.check('op', '{')) return this.block();
    const e = this.expression();
    this.match('op', ';');
    return e;
  }
  block() {
    this.expect('op', '{');
    const body = [];
    while (!this.check('op', '}')) body.push(this.statement());
    this.expect('op', '}');
    return new Block(body);
  }
  expression(minPrec = 0) {
    let left = this.unary();
    for (;;) {
      const t = this.current;
      const prec = t.type === 'op' ? PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec <= minPrec) return left;
      this.advance();
      left = new Binary(t.text, left, this.expression(prec));
    }
  }
  unary() {
    if (this.check('op', '-') || this.check('op', '!')) { const op = this.advance().text; return new Unary(op, this.unary()); }
    return this.postfix();
  }
  postfix() {
    let e = this.primary();
    while (this.match('op', '(')) {
      const args = [];
      if (!this.check('op', ')')) { do args.push(this.expression()); while (this.match('op', ',')); }
      this.expect('op', ')');
      e = new Call(e, args);
    }
    return e;
  }
  primary() {
    const t = this.advance();
    if (t.type === 'num') return new NumberLit(Number(t.text));
    if (t.type === 'str') return new StringLit(t.text);
    if (t.type === 'ident') {
      if (this.match('op', '=')) return new Assign(t.text, this.expression());
      return new Var(t.text);
    }
    if (t.is('kw', 'fn')) {
      this.expect('op', '(');
      const params = [];
      if (!this.check('op', ')')) { do params.push(this.expect('ident').text); while (this.match('op', ',')); }
      this.expect('op', ')');
      return new FnExpr(params, this.block());
    }
    if (t.is('kw', 'if')) {
      const test = this.expression();
      const then = this.block();
      const otherwise = this.match('kw', 'else') ? (this.check('kw', 'if') ? this.primary() : this.block()) : null;
      return new If(test, then, otherwise);
    }
    if (t.is('op', '(')) { const e = this.expression(); this.expect('op', ')'); return e; }
    throw new LangError(`unexpected ${t.text} at ${t.pos}`);
  }
}

const SOURCE = `
# recursive, iterative and higher-order code in a tiny language
let fib = fn(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } };
let sumTo = fn(n) { let s = 0; let i = 0; while i < n { s = s + i % 7; i = i + 1 } s };
let makeCounter = fn(step) { let c = 0; fn() { c = c + step; c } };
let compose = fn(f, g) { fn(x) { f(g(x)) } };
let inc = fn(x) { x + 1 };
let dbl = fn(x) { x * 2 };
let gcd = fn(a, b) { while b != 0 { let t = b; b = a % b; a = t } a };
let isPrime = fn(n) {
  if n < 2 { return 0 }
  let d = 2;
  while d * d <= n { if n % d == 0 { return 0 } d = d + 1 }
  1
};
let countPrimes = fn(n) { let c = 0; let i = 0; while i < n { c = c + isPrime(i); i = i + 1 } c };
let counter = makeCounter(3);
let f = compose(inc, dbl);
let acc = 0;
let k = 0;
while k < 400 { acc = acc + f(k) + counter() + gcd(k * 7 + 1, 91); k = k + 1 }
acc + fib(17) + sumTo(20000) + countPrimes(2500) + len(concat("abc", "de"))
`;

export function run() {
  let checksum = 0;
  for (let i = 0; i < 28; i++) {
    const tokens = new Lexer(SOURCE).tokens();
    const program = new Parser(tokens).program();
    const globals = new Environment();
    globals.define('len', (s) => s.length);
    globals.define('concat', (a, b) => a + b);
    checksum = (checksum * 31 + program.evaluate(globals) + tokens.length) >>> 0;
  }
  return checksum;
}
