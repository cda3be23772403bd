// Forwarding arguments to other functions.
function target(...xs) {
  return `${this?.tag ?? 'none'}[${xs.join(',')}]`;
}

function forwardApply() {
  return target.apply(this, arguments);
}
function forwardSpread() {
  return target.call(this, ...arguments);
}
function forwardSliced() {
  return target(...Array.prototype.slice.call(arguments, 1));
}
function forwardReflect() {
  return Reflect.apply(target, { tag: 'reflect' }, arguments);
}

console.log(forwardApply.call({ tag: 'apply' }, 1, 2));
console.log(forwardSpread.call({ tag: 'spread' }, 3, 4));
console.log(forwardSliced('dropped', 5, 6));
console.log(forwardReflect(7, 8));

function wrap(fn) {
  return function () {
    return 'wrapped:' + fn.apply(this, arguments);
  };
}
const w = wrap(target);
console.log(w.call({ tag: 'w' }, 'a', 'b'));
console.log('wrapper length:', w.length, 'name:', JSON.stringify(w.name));

function construct() {
  return new Array(...arguments);
}
console.log('construct with spread arguments:', construct(1, 2, 3).length, construct(3).length);
console.log('done');
