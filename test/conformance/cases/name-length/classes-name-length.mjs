// Classes: name, length from constructor, and static members named "name"/"length".
const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);

class NoCtor {}
class WithCtor {
  constructor(a, b, c = 1) {}
}
class Derived extends WithCtor {}
class DerivedCtor extends WithCtor {
  constructor(...args) {
    super(...args);
  }
}
show('no constructor', NoCtor);
show('with constructor', WithCtor);
show('derived default constructor', Derived);
show('derived rest constructor', DerivedCtor);

class StaticName {
  static name = 'overridden by static field';
}
console.log('static field "name":', StaticName.name);

class StaticNameMethod {
  static name() {
    return 'method called name';
  }
}
console.log('static method "name":', typeof StaticNameMethod.name, StaticNameMethod.name());

class StaticLength {
  static length = 99;
}
console.log('static length field:', StaticLength.length);

const Expr = class {};
const NamedExpr = class InnerName {};
show('anonymous class expression', Expr);
show('named class expression', NamedExpr);

const holder = { Cls: class {} };
show('class in object literal', holder.Cls);

const descriptors = Object.getOwnPropertyNames(WithCtor).join(',');
console.log('own properties of class:', descriptors);
console.log('done');
