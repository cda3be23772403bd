// Function.prototype.call.call / apply.call / bind.call: meta-level invocation of call/apply/bind.
function show() {
  return (this === globalThis ? 'global' : this && this.id) + ' [' + Array.prototype.join.call(arguments, ',') + ']';
}
var target = { id: 'T' };

console.log(Function.prototype.call.call(show, target, 1, 2));
console.log(Function.prototype.apply.call(show, target, [3, 4]));
console.log(Function.prototype.call.apply(show, [target, 5, 6]));
console.log(Function.prototype.bind.call(show, target, 7)(8));
console.log(Function.prototype.call.call(Function.prototype.call, show, target, 9));

var slice = Function.prototype.call.bind(Array.prototype.slice);
console.log('uncurried slice:', slice([1, 2, 3, 4], 1, 3).join(','));
var hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
console.log('uncurried hasOwnProperty:', hasOwn({ x: 1 }, 'x'), hasOwn({}, 'x'));
var toStr = Function.prototype.call.bind(Object.prototype.toString);
console.log('uncurried toString:', toStr([]), toStr(null), toStr(function () {}));

var applyBound = Function.prototype.apply.bind(Math.max, null);
console.log('bound apply:', applyBound([1, 9, 3]));
try {
  Function.prototype.call.call({}, null);
} catch (e) {
  console.log('call.call on non-function:', e.constructor.name);
}
console.log('call.length/name:', Function.prototype.call.length, Function.prototype.call.name, Function.prototype.apply.length);
console.log('done');
