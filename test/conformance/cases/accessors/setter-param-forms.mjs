// Setters take exactly one parameter, which may use defaults or destructuring.
const log = [];
const obj = {
  set withDefault(v = 'default-used') {
    log.push(`withDefault: ${v}`);
  },
  set destructured({ a, b = 'b-default' }) {
    log.push(`destructured: ${a},${b}`);
  },
  set arrayPattern([first, ...rest]) {
    log.push(`arrayPattern: ${first} + [${rest}]`);
  },
};
obj.withDefault = undefined;
obj.withDefault = 'given';
obj.destructured = { a: 1 };
obj.arrayPattern = 'xyz';
try {
  obj.destructured = null;
} catch (e) {
  log.push(`destructuring null: ${e.constructor.name}`);
}
console.log(log.join('\n'));

const d = Object.getOwnPropertyDescriptor(obj, 'withDefault');
console.log('setter with default has length 0:', d.set.length);
console.log('destructured setter length:', Object.getOwnPropertyDescriptor(obj, 'destructured').set.length);

class Point {
  #x = 0;
  #y = 0;
  set coords({ x = this.#x, y = this.#y } = {}) {
    this.#x = x;
    this.#y = y;
  }
  get coords() {
    return `${this.#x},${this.#y}`;
  }
}
const p = new Point();
p.coords = { x: 3 };
p.coords = { y: 4 };
p.coords = undefined;
console.log('class setter with defaults referencing this:', p.coords);
console.log('done');
