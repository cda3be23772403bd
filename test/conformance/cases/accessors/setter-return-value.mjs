// An assignment expression evaluates to the right-hand side, not to the setter's return value.
const log = [];
const obj = {
  set x(v) {
    log.push(`setter got ${v}`);
    return 'setter return value (ignored)';
  },
  get x() {
    return 'getter';
  },
};

const result = (obj.x = 5);
console.log('assignment result:', result);

const chained = {};
let a, b;
a = b = obj.x = 'chain';
console.log('chained:', a, b);

const viaReflect = Reflect.set(obj, 'x', 7);
console.log('Reflect.set returns boolean:', viaReflect);

const desc = Object.getOwnPropertyDescriptor(obj, 'x');
console.log('calling setter directly returns:', desc.set.call(obj, 9));

class Box {
  #v = 0;
  set v(n) {
    this.#v = n;
    return this;
  }
  get v() {
    return this.#v;
  }
}
const box = new Box();
const r2 = (box.v = 42);
console.log('class setter assignment result:', r2, 'stored:', box.v);

const counter = {
  _n: 0,
  set n(v) {
    this._n = v * 10;
  },
  get n() {
    return this._n;
  },
};
const inc = (counter.n += 1);
console.log('compound assignment result vs stored:', inc, counter.n);
const post = counter.n++;
console.log('postfix result vs stored:', post, counter.n);
console.log(log.join(' | '));
console.log('done');
