// Classes extending ES5-style constructor functions.
function Legacy(name) {
  this.name = name;
  this.legacyNewTarget = new.target && new.target.name;
}
Legacy.prototype.hello = function () {
  return 'legacy hello ' + this.name;
};
Legacy.staticHelper = function () {
  return 'static helper on ' + this.name;
};

class Modern extends Legacy {
  constructor(name) {
    super(name + '!');
    this.modern = true;
  }
  hello() {
    return 'modern > ' + super.hello();
  }
}

var m = new Modern('m');
console.log(m.hello());
console.log('new.target seen by Legacy:', m.legacyNewTarget);
console.log('inherits static:', Modern.staticHelper());
console.log('instanceof chain:', m instanceof Modern, m instanceof Legacy);

function ReturnsOther() {
  return { other: true };
}
class FromReturnsOther extends ReturnsOther {
  constructor() {
    super();
    this.tagged = true;
  }
}
console.log('extends function that returns object:', JSON.stringify(new FromReturnsOther()));

var BoundLegacy = Legacy.bind(null, 'bound-name');
try {
  (class extends BoundLegacy {});
} catch (e) {
  console.log('extends bound function without prototype:', e.constructor.name);
}
BoundLegacy.prototype = Legacy.prototype;
class FromBound extends BoundLegacy {}
var fb = new FromBound();
console.log('extends bound function:', fb.name, typeof fb.hello, fb instanceof FromBound);

function makeBase(greeting) {
  return class {
    greet() {
      return greeting + ' from ' + this.constructor.name;
    }
  };
}
class Dynamic extends makeBase('hey') {}
console.log('extends expression:', new Dynamic().greet());
console.log('done');
