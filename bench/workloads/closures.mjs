// Workload (d): closures and higher-order functions: a lazy sequence library
// built from closures and generators, map/filter/reduce pipelines, memoized
// factories, function composition, currying and a small event emitter.

// --- lazy sequences ------------------------------------------------------------
class Seq {
  constructor(iterate) { this.iterate = iterate; }
  static range(start, end, step = 1) {
    return new Seq(function* () { for (let i = start; i < end; i += step) yield i; });
  }
  static from(array) { return new Seq(() => array[Symbol.iterator]()); }
  [Symbol.iterator]() { return this.iterate(); }
  map(fn) {
    const src = this;
    return new Seq(function* () { let i = 0; for (const x of src) yield fn(x, i++); });
  }
  filter(pred) {
    const src = this;
    return new Seq(function* () { for (const x of src) if (pred(x)) yield x; });
  }
  take(n) {
    const src = this;
    return new Seq(function* () {
      if (n <= 0) return;
      let i = 0;
      for (const x of src) { yield x; if (++i >= n) return; }
    });
  }
  chunk(size) {
    const src = this;
    return new Seq(function* () {
      let buf = [];
      for (const x of src) { buf.push(x); if (buf.length === size) { yield buf; buf = []; } }
      if (buf.length > 0) yield buf;
    });
  }
  zip(other) {
    const src = this;
    return new Seq(function* () {
      const a = src[Symbol.iterator](), b = other[Symbol.iterator]();
      for (;;) {
        const x = a.next(), y = b.next();
        if (x.done || y.done) return;
        yield [x.value, y.value];
      }
    });
  }
  reduce(fn, init) { let acc = init; for (const x of this) acc = fn(acc, x); return acc; }
  toArray() { return Array.from(this); }
}

// --- functional helpers -----------------------------------------------------------
const compose = (...fns) => (x) => fns.reduceRight((acc, f) => f(acc), x);
const pipe = (...fns) => (x) => fns.reduce((acc, f) => f(acc), x);
const curry = (fn) => {
  const curried = (...args) => (args.length >= fn.length ? fn(...args) : (...more) => curried(...args, ...more));
  return curried;
};
const add = curry((a, b) => a + b);
const mul = curry((a, b) => a * b);
const clamp = curry((lo, hi, x) => (x < lo ? lo : x > hi ? hi : x));

function memoize(fn, keyOf = (x) => x) {
  const cache = new Map();
  let hits = 0;
  const memo = (x) => {
    const k = keyOf(x);
    if (cache.has(k)) { hits++; return cache.get(k); }
    const v = fn(x);
    cache.set(k, v);
    return v;
  };
  memo.stats = () => ({ hits, size: cache.size });
  return memo;
}

function makeCounter(step) {
  let count = 0;
  return { inc: () => (count += step), get value() { return count; }, reset() { count = 0; } };
}

function createEmitter() {
  const listeners = new Map();
  return {
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push(fn);
      return () => { const l = listeners.get(event); l.splice(l.indexOf(fn), 1); };
    },
    emit(event, payload) {
      const l = listeners.get(event);
      if (l) for (const fn of l) fn(payload);
    },
  };
}

// --- a tiny validation/transformation pipeline over records --------------------
function makeValidator(rules) {
  return (record) => rules.every(([field, check]) => check(record[field]));
}
const isPositive = (x) => x > 0;
const isShortString = (max) => (s) => typeof s === 'string' && s.length <= max;

function makeRecords(n) {
  const out = [];
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 48271) + 11) >>> 0) / 4294967296);
  for (let i = 0; i < n; i++) {
    out.push({ id: i, name: 'item' + (i % 977), price: Math.floor(rnd() * 1000) - 50, qty: Math.floor(rnd() * 20), tag: ['a', 'b', 'c', 'd'][i & 3] });
  }
  return out;
}

export function run() {
  let checksum = 0;
  const fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
  const score = pipe(add(3), mul(7), clamp(0, 5000), (x) => x ^ 0x55);
  const unscore = compose((x) => x % 1013, mul(3), add(1));
  const validate = makeValidator([['price', isPositive], ['qty', isPositive], ['name', isShortString(7)]]);
  const counter = makeCounter(2);
  const emitter = createEmitter();
  const off = emitter.on('total', (t) => { checksum = (checksum + t) >>> 0; });
  emitter.on('total', () => counter.inc());
  const records = makeRecords(6000);

  for (let round = 0; round < 24; round++) {
    // generator-based lazy pipeline
    const lazy = Seq.range(0, 60000)
      .map((x) => x * 3 + round)
      .filter((x) => x % 5 !== 0)
      .map(score)
      .chunk(16)
      .map((c) => c.reduce((a, b) => a + b, 0))
      .take(3000)
      .reduce((a, b) => (a + unscore(b)) >>> 0, 0);
    checksum = (checksum + lazy) >>> 0;

    // eager Array pipelines over records
    const valid = records.filter(validate);
    const byTag = valid.reduce((acc, r) => { (acc[r.tag] ??= []).push(r); return acc; }, {});
    const totals = Object.entries(byTag)
      .map(([tag, rs]) => [tag, rs.map((r) => r.price * r.qty).reduce((a, b) => a + b, 0)])
      .sort((a, b) => b[1] - a[1]);
    for (const [, t] of totals) emitter.emit('total', t % 100000);
    checksum = (checksum + valid.length + fib(60 + round) % 1000) >>> 0;

    // zip + memoized factory
    const pairs = Seq.from(records).zip(Seq.range(0, 1e9)).filter(([r, i]) => (r.id + i) % 3 === 0).take(1500);
    for (const [r, i] of pairs) checksum = (checksum + score(r.qty + (i & 7))) >>> 0;

    const makeFormatter = memoize((tag) => (r) => `${tag}:${r.name}:${r.price}`);
    for (let i = 0; i < records.length; i += 3) checksum = (checksum + makeFormatter(records[i].tag)(records[i]).length) >>> 0;
  }
  off();
  emitter.emit('total', 1);
  return (checksum + counter.value + fib.stats().size) >>> 0;
}
