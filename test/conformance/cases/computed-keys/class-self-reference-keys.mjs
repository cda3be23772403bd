// A class cannot reference its own binding in computed keys (TDZ), but can in method bodies.
let result;
try {
  class Self {
    [Self.name]() {}
  }
  result = 'no error';
} catch (e) {
  result = `${e.constructor.name}: ${e.message}`;
}
console.log('class name in computed key:', result);

const Outer = 'outer-binding';
try {
  const C = class Outer {
    [typeof Outer]() {
      return 'computed key';
    }
  };
  console.log('named class expression binding in key:', Object.getOwnPropertyNames(C.prototype).join(','));
} catch (e) {
  console.log('named class expression binding in key:', e.constructor.name);
}

class Later {
  static ref() {
    return Later.name;
  }
  [`${'inst'}`]() {
    return Later === this.constructor;
  }
}
console.log('inside bodies the binding works:', Later.ref(), new Later().inst());

let captured;
try {
  class Static {
    static value = (captured = () => Static.name, 1);
  }
  console.log('static initializer can use class binding:', captured());
} catch (e) {
  console.log('unexpected', e.constructor.name);
}
console.log('done');
