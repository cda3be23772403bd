// `this` and `arguments` inside generator functions (sloppy file).
function* sloppyThis() {
  yield this === globalThis ? 'global' : typeof this;
}
console.log('plain call:', sloppyThis().next().value);
console.log('call with object:', sloppyThis.call({}).next().value);

function* strictThis() {
  'use strict';
  yield this === undefined ? 'undefined' : typeof this;
}
console.log('strict plain call:', strictThis().next().value);

var obj = {
  name: 'obj',
  *items() {
    yield this.name;
    var self = this;
    yield [1].map(function () {
      return this === globalThis ? 'callback global' : 'callback other';
    })[0];
    yield [1].map(() => this.name + ' via arrow')[0];
  },
};
console.log(Array.from(obj.items()).join(' | '));

function* counter() {
  var total = 0;
  for (var i = 0; i < arguments.length; i++) {
    total += arguments[i];
    yield total;
  }
}
console.log('running totals:', Array.from(counter(1, 2, 3, 4)).join(','));

try {
  new counter();
} catch (e) {
  console.log('new on generator:', e.constructor.name);
}
var proto = Object.getPrototypeOf(counter());
console.log('generator object proto is counter.prototype:', proto === counter.prototype);
counter.prototype.extra = function () {
  return 'added to generator prototype';
};
console.log(counter().extra());
console.log('done');
