// Return values of base and derived constructors.
class ReturnsObject {
  constructor() {
    this.lost = true;
    return { replaced: true };
  }
}
var ro = new ReturnsObject();
console.log('base returns object:', JSON.stringify(ro), ro instanceof ReturnsObject);

class Child extends ReturnsObject {
  constructor() {
    super();
    this.childField = 'set on returned object';
  }
}
var c = new Child();
console.log('derived this is the object returned by base:', JSON.stringify(c), c instanceof Child);

class DerivedReturnsObject extends Object {
  constructor() {
    super();
    return ['array instead'];
  }
}
console.log('derived returns object:', JSON.stringify(new DerivedReturnsObject()));

class DerivedReturnsUndefined extends Object {
  constructor() {
    super();
    this.ok = 1;
    return undefined;
  }
}
console.log('derived returns undefined:', JSON.stringify(new DerivedReturnsUndefined()));

class DerivedReturnsPrimitive extends Object {
  constructor() {
    super();
    return 42;
  }
}
try {
  new DerivedReturnsPrimitive();
} catch (e) {
  console.log('derived returns primitive:', e.constructor.name, e.message);
}

class BaseReturnsPrimitive {
  constructor() {
    this.kept = true;
    return 'ignored';
  }
}
console.log('base returns primitive:', JSON.stringify(new BaseReturnsPrimitive()));

class NoSuperButReturn extends Object {
  constructor() {
    return { escaped: 'no super needed' };
  }
}
console.log('derived returning object without super:', JSON.stringify(new NoSuperButReturn()));

class NoSuperNoReturn extends Object {
  constructor() {}
}
try {
  new NoSuperNoReturn();
} catch (e) {
  console.log('derived without super:', e.constructor.name, e.message);
}
console.log('done');
