// 'constructor' as a string-literal method name is the class constructor; computed ['constructor'] is not.
class StringLiteralCtor {
  'constructor'(x) {
    this.x = x;
  }
}
console.log('string literal constructor runs:', new StringLiteralCtor(5).x);

class ComputedCtor {
  ['constructor']() {
    return 'computed constructor is a plain method';
  }
}
const c = new ComputedCtor();
console.log('computed:', c.x, Object.hasOwn(ComputedCtor.prototype, 'constructor'), ComputedCtor.prototype.constructor === ComputedCtor);
console.log('calling it:', ComputedCtor.prototype.constructor.call(null));

class StaticConstructor {
  static constructor() {
    return 'static method named constructor';
  }
}
console.log(StaticConstructor.constructor(), '| prototype.constructor intact:', StaticConstructor.prototype.constructor === StaticConstructor);

class FieldNamedCtorLike {
  ['constructor' + ''] = 'field with computed constructor-ish name';
}
console.log('computed field named constructor:', new FieldNamedCtorLike().constructor);

const obj = {
  constructor() {
    return 'object literal method named constructor';
  },
};
console.log(obj.constructor(), '| name:', obj.constructor.name);

class Proto {
  __proto__() {
    return 'method named __proto__';
  }
}
console.log('class method named __proto__ shadows the accessor:', new Proto().__proto__ === Proto.prototype, typeof Proto.prototype.__proto__);
const lit = { ['__proto__']: 'computed __proto__ is a normal property', __proto__: Array.prototype };
console.log('literal __proto__ forms (isArray, instanceof Array, own computed key):', Array.isArray(lit), lit instanceof Array, Object.hasOwn(lit, '__proto__'));
console.log('done');
