// Error cases around super(): missing call, double call, and this before super.
class Base {
  constructor() {
    this.base = true;
  }
}

function attempt(label, make) {
  try {
    var o = make();
    console.log(label + ': ok', JSON.stringify(o));
  } catch (e) {
    console.log(label + ': ' + e.constructor.name + ': ' + e.message);
  }
}

attempt('no super', function () {
  class C extends Base {
    constructor() {}
  }
  return new C();
});
attempt('double super', function () {
  class C extends Base {
    constructor() {
      super();
      super();
    }
  }
  return new C();
});
attempt('this before super', function () {
  class C extends Base {
    constructor() {
      this.x = 1;
      super();
    }
  }
  return new C();
});
attempt('super inside try, error caught, then return', function () {
  class Thrower {
    constructor() {
      throw new Error('base failed');
    }
  }
  class C extends Thrower {
    constructor() {
      try {
        super();
      } catch (e) {
        return { recovered: e.message };
      }
    }
  }
  return new C();
});
attempt('conditional super skipped', function () {
  class C extends Base {
    constructor(flag) {
      if (flag) super();
    }
  }
  return new C(false);
});
attempt('extends non-constructor', function () {
  var notCtor = () => {};
  class C extends Object {}
  Object.setPrototypeOf(C, notCtor);
  return new C();
});
console.log('done');
