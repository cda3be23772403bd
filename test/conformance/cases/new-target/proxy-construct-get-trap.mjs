// A Proxy around a class whose construct trap forwards to Reflect.construct: every property
// the engine reads from the proxy (new.target.prototype) is seen once per construction.
const seen = [];
const handler = {
  get(target, key, receiver) { seen.push(typeof key === 'symbol' ? key.description : key); return Reflect.get(target, key, receiver); },
  construct(target, args, newTarget) { seen.push('construct'); return Reflect.construct(target, args, newTarget); },
};
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  sum() { return this.x + this.y; }
}
class Named {
  constructor(name) {
    this.name = name;
  }
}
class Derived extends Point {
  constructor(x) { super(x, x); this.kind = 'derived'; }
}
function Legacy(v) { this.v = v; }
for (const C of [Point, Named, Derived, Legacy]) {
  seen.length = 0;
  const P = new Proxy(C, handler);
  const o = new P(1, 2);
  console.log(C.name, seen.join(','), Object.getPrototypeOf(o) === C.prototype, JSON.stringify(o));
}
seen.length = 0;
const P = new Proxy(Point, handler);
class Sub extends P { constructor() { super(3, 4); } }
const s = new Sub();
console.log('sub', seen.join(','), s.sum(), s instanceof Sub);
console.log('done');
