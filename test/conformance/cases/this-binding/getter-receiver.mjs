// Accessors receive the original receiver, even when found up the prototype chain.
const base = {
  _name: 'base',
  get name() {
    return `name(${this._name})`;
  },
  set name(v) {
    this._name = v.toUpperCase();
  },
};

const child = Object.create(base);
child._name = 'child';
console.log(child.name);
child.name = 'renamed';
console.log('own _name:', Object.hasOwn(child, '_name'), child._name, 'base:', base._name);

console.log('Reflect.get with receiver:', Reflect.get(base, 'name', { _name: 'receiver' }));
const target = { _name: 'before' };
Reflect.set(base, 'name', 'viaReflect', target);
console.log('Reflect.set with receiver:', target._name, base._name);

const grand = Object.create(child);
console.log('grandchild (inherits child._name):', grand.name);

class Shape {
  get area() {
    return this.w * this.h;
  }
}
class Square extends Shape {
  constructor(s) {
    super();
    this.w = this.h = s;
  }
}
console.log('class getter on subclass instance:', new Square(4).area);

const proxy = new Proxy(child, {
  get(t, key, receiver) {
    return key === '_name' ? 'proxied' : Reflect.get(t, key, receiver);
  },
});
console.log('getter through proxy sees proxy receiver:', proxy.name);
console.log('done');
