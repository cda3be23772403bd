// Generator methods in classes and object literals, including static, private, and Symbol.iterator.
class Range {
  #start;
  #end;
  constructor(start, end) {
    this.#start = start;
    this.#end = end;
  }
  *[Symbol.iterator]() {
    for (let i = this.#start; i < this.#end; i++) yield i;
  }
  *#evensGen() {
    for (const v of this) if (v % 2 === 0) yield v;
  }
  evens() {
    return this.#evensGen();
  }
  static *of(...values) {
    yield* values;
  }
  *map(fn) {
    for (const v of this) yield fn.call(this, v);
  }
}
const r = new Range(1, 7);
console.log('spread:', [...r].join(','));
console.log('private generator:', [...r.evens()].join(','));
console.log('static generator:', [...Range.of('a', 'b')].join(','));
console.log('this inside generator method:', [...r.map(function (v) { return this instanceof Range ? v * 10 : 'no'; })].join(','));

const obj = {
  data: ['x', 'y'],
  *entries() {
    for (const [i, v] of this.data.entries()) yield `${i}=${v}`;
  },
  async *slow() {
    yield* this.data;
  },
};
console.log('object generator:', [...obj.entries()].join(' '));
const asyncOut = [];
for await (const v of obj.slow()) asyncOut.push(v);
console.log('object async generator:', asyncOut.join(' '));

const gm = obj.entries;
try {
  gm().next();
} catch (e) {
  console.log('detached generator method, error at first next:', e.constructor.name);
}
console.log('done');
