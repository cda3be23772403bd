// Calling user functions must not observably invoke patched built-ins (call/apply/bind, iterators, Reflect).
var counts = { call: 0, apply: 0, bind: 0, iterator: 0, reflectApply: 0, defineProperty: 0, getOwnPropertyDescriptor: 0 };
var originals = {
  call: Function.prototype.call,
  apply: Function.prototype.apply,
  bind: Function.prototype.bind,
  iterator: Array.prototype[Symbol.iterator],
  reflectApply: Reflect.apply,
  defineProperty: Object.defineProperty,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
};
function plain(a, b) { return a + b; }
var arrow = (x) => x * 2;
function withRest(...xs) { return xs.length; }
function withDefaults(a, b = a + 1) { return b; }
var obj = { m(x) { return this.k + x; }, k: 10, get g() { return 'g'; } };
class K { constructor(v) { this.v = v; } get dbl() { return this.v * 2; } static s() { return 's'; } }
function* gen() { yield 1; }
function sloppyArgs(a) { a = 5; return arguments[0]; }

var results;
function runWindow() {
  Function.prototype.call = function () { counts.call++; return originals.reflectApply(originals.call, this, arguments); };
  Function.prototype.apply = function () { counts.apply++; return originals.reflectApply(originals.apply, this, arguments); };
  Function.prototype.bind = function () { counts.bind++; return originals.reflectApply(originals.bind, this, arguments); };
  Array.prototype[Symbol.iterator] = function () { counts.iterator++; return originals.reflectApply(originals.iterator, this, arguments); };
  Reflect.apply = function () { counts.reflectApply++; return originals.reflectApply.apply(null, arguments); };
  Object.defineProperty = function () { counts.defineProperty++; return originals.defineProperty.apply(Object, arguments); };
  Object.getOwnPropertyDescriptor = function () { counts.getOwnPropertyDescriptor++; return originals.getOwnPropertyDescriptor.apply(Object, arguments); };
  try {
    results = [plain(1, 2), arrow(4), withRest(1, 2, 3), withDefaults(1), obj.m(5), obj.g, new K(3).dbl, K.s(), gen().next().value, sloppyArgs(1)];
  } finally {
    Function.prototype.call = originals.call;
    Function.prototype.apply = originals.apply;
    Function.prototype.bind = originals.bind;
    Array.prototype[Symbol.iterator] = originals.iterator;
    Reflect.apply = originals.reflectApply;
    Object.defineProperty = originals.defineProperty;
    Object.getOwnPropertyDescriptor = originals.getOwnPropertyDescriptor;
  }
}
runWindow();
console.log('results:', results.join(','));
console.log('built-ins invoked while calling user functions:', JSON.stringify(counts));
console.log('done');
