// new.target is undefined in methods, accessors, and field initializers.
class C {
  field = typeof new.target;
  static staticField = typeof new.target;
  method() {
    return typeof new.target;
  }
  get acc() {
    return typeof new.target;
  }
  static sm() {
    return typeof new.target;
  }
  arrowField = () => typeof new.target;
  constructor() {
    this.inCtor = new.target === C;
  }
}
const c = new C();
console.log('field initializer:', c.field);
console.log('static field:', C.staticField);
console.log('method:', c.method());
console.log('getter:', c.acc);
console.log('static method:', C.sm());
console.log('arrow field:', c.arrowField());
console.log('constructor:', c.inCtor);

const obj = {
  m() {
    return typeof new.target;
  },
  f: function () {
    return typeof new.target;
  },
};
console.log('object method:', obj.m());
console.log('function property called:', obj.f(), 'constructed:', typeof new obj.f());
try {
  new obj.m();
} catch (e) {
  console.log('concise method is not a constructor:', e.constructor.name);
}
console.log('done');
