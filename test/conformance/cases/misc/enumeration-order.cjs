// Property enumeration order of objects, classes, and prototypes.
var obj = { b: 1, a: 2, 2: 'two', 1: 'one', [Symbol('s')]: 'sym', c: 3 };
obj.z = 4;
obj[0] = 'zero';
console.log('Object.keys:', Object.keys(obj).join(','));
console.log('Reflect.ownKeys:', Reflect.ownKeys(obj).map(String).join(','));

class Base {
  constructor() {
    this.fromBase = 1;
  }
  baseMethod() {}
  get baseGetter() {
    return 1;
  }
}
class Derived extends Base {
  field = 'f';
  static staticField = 's';
  constructor() {
    super();
    this.fromCtor = 2;
  }
  zMethod() {}
  aMethod() {}
  static staticMethod() {}
}
var d = new Derived();
console.log('instance own keys:', Object.keys(d).join(','));
console.log('Derived.prototype names:', Object.getOwnPropertyNames(Derived.prototype).join(','));
console.log('Base.prototype names:', Object.getOwnPropertyNames(Base.prototype).join(','));
console.log('Derived static names:', Object.getOwnPropertyNames(Derived).join(','));
var forIn = [];
for (var k in d) forIn.push(k);
console.log('for-in (own enumerable + inherited enumerable):', forIn.join(','));

function Legacy() {
  this.own = 1;
}
Legacy.prototype.protoMethod = function () {};
Legacy.prototype.protoValue = 'p';
var l = new Legacy();
var legacyForIn = [];
for (var key in l) legacyForIn.push(key);
console.log('legacy for-in includes prototype props:', legacyForIn.join(','));
console.log('function own property names:', Object.getOwnPropertyNames(Legacy).join(','));
console.log('arrow own property names:', Object.getOwnPropertyNames(() => {}).join(','));
console.log('JSON.stringify order:', JSON.stringify(d));
console.log('done');
