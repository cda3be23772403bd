// class extends null: prototype chain ends, default constructor cannot call super.
class NullBase extends null {
  static describe() {
    return 'static works';
  }
}
console.log('prototype of NullBase.prototype:', Object.getPrototypeOf(NullBase.prototype));
console.log('static method:', NullBase.describe());
console.log('NullBase [[Prototype]] is Function.prototype:', Object.getPrototypeOf(NullBase) === Function.prototype);

try {
  new NullBase();
} catch (e) {
  console.log('new with implicit super:', e.constructor.name);
}

class ReturnsObject extends null {
  constructor() {
    return Object.create(new.target.prototype);
  }
  hi() {
    return 'hi from null-proto instance';
  }
}
const r = new ReturnsObject();
console.log(r.hi(), 'has toString:', 'toString' in r);
console.log('done');
