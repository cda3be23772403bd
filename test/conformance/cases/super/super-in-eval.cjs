// Direct eval inside a method can use super.
class Base {
  value() {
    return 'base value';
  }
}
class Derived extends Base {
  value() {
    return 'derived / ' + eval('super.value()');
  }
  arrowEval() {
    return (() => eval('super.value()'))();
  }
}
var d = new Derived();
console.log(d.value());
console.log(d.arrowEval());

function notAMethod() {
  try {
    return eval('super.x');
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('super in eval outside method:', notAMethod());

var lit = {
  __proto__: { x: 'proto-x' },
  read() {
    return eval('super.x');
  },
};
console.log('object literal method:', lit.read());
console.log('done');
