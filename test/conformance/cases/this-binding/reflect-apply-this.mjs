// Receivers passed through reflective and indirect call paths.
function whoAmI(suffix = '') {
  return (this === undefined ? 'undefined' : this.id) + suffix;
}

const a = { id: 'A' };
const b = { id: 'B', whoAmI };

console.log(Reflect.apply(whoAmI, a, ['!']));
console.log(Function.prototype.apply.call(whoAmI, b, ['?']));
console.log(Function.prototype.call.call(whoAmI, a, '.'));
console.log(Function.prototype.call.apply(whoAmI, [b, '#']));
console.log(Function.prototype.bind.call(whoAmI, a)('~'));

const callMethod = (fn, receiver, ...args) => fn.call(receiver, ...args);
console.log(callMethod(b.whoAmI, a, ' via helper'));

const methods = { run: whoAmI };
const name = 'run';
console.log(methods[name].call(b));

const { apply } = Reflect;
console.log(apply(whoAmI, undefined, []));

const table = new Map([['x', whoAmI]]);
console.log(table.get('x').call({ id: 'from-map' }));

const sym = Symbol('call');
const sObj = { id: 'symbol-owner', [sym]: whoAmI };
console.log(sObj[sym]());
console.log('done');
