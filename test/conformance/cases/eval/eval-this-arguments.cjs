// Direct eval sees the caller's this, arguments and new.target.
var obj = {
  name: 'obj',
  viaEval: function () {
    return eval('this.name');
  },
  argsViaEval: function () {
    return eval('Array.prototype.join.call(arguments, "-")');
  },
  arrowEval: function () {
    return (() => eval('this.name + "/" + arguments[0]'))('arrow-arg-ignored');
  },
};
console.log(obj.viaEval());
console.log(obj.argsViaEval(1, 2, 3));
console.log(obj.arrowEval('outer-arg'));

function sloppyThis() {
  return eval('this === globalThis');
}
console.log('sloppy plain call this via eval:', sloppyThis());

function Ctor() {
  this.viaEval = eval('new.target === Ctor');
}
console.log('new.target via eval:', new Ctor().viaEval);

class K {
  #secret = 'private via eval';
  read() {
    return eval('this.#secret');
  }
}
console.log('private field via eval in class method:', new K().read());

function nestedEval() {
  var level = 'outer';
  return eval('(function () { var level = "inner"; return eval("level"); })()');
}
console.log('nested eval:', nestedEval());
console.log('done');
