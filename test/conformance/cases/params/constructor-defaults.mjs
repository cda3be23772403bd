// Constructors with defaulted parameters: evaluated once, in order, seeing earlier
// parameters; defaults that capture `this` or a closure keep seeing the instance built.
const log = [];
const next = (label, value) => (log.push(label), value);

class Point {
  constructor(x = next('x', 1), y = next('y', x * 2), tag = `p${x}`) {
    this.x = x;
    this.y = y;
    this.tag = tag;
  }
}
const a = new Point();
const b = new Point(5);
const c = new Point(undefined, null, 'c');
console.log(JSON.stringify([a, b, c]), log.join(','));

class Lazy {
  constructor(read = () => this.value, value = 7) {
    this.value = value;
    this.read = read;
  }
}
const lazy = new Lazy();
console.log(lazy.read(), lazy.read === lazy.read, new Lazy(undefined, 9).read());

class Counter {
  constructor(start = 0, bump = () => ++start) {
    bump();
    this.start = start;
  }
}
console.log(new Counter().start, new Counter(10).start);

class Base {
  constructor(kind = new.target.name) {
    this.kind = kind;
  }
}
class Derived extends Base {}
console.log(new Base().kind, new Derived().kind, new Derived('given').kind);

class Spread {
  constructor(first = 'f', ...rest) {
    this.all = [first, ...rest];
  }
}
console.log(new Spread().all.join('|'), new Spread(undefined, 2, 3).all.join('|'), new Spread(1).all.length);
console.log('done');
