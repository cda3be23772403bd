// Sloppy mode boxes primitive receivers and replaces null/undefined with globalThis.
function kind() {
  if (this === globalThis) return 'globalThis';
  return typeof this + ':' + Object.prototype.toString.call(this);
}

console.log(kind.call(1));
console.log(kind.call('str'));
console.log(kind.call(true));
console.log(kind.call(Symbol('x')));
console.log(kind.call(10n));
console.log(kind.call(null));
console.log(kind.call(undefined));
console.log(kind.call({}));
console.log(kind.apply(2.5, []));
console.log(kind.bind(0)());

function sameBox() {
  return this;
}
var a = sameBox.call(3);
var b = sameBox.call(3);
console.log('boxes are distinct objects:', a !== b);
console.log('box valueOf:', a.valueOf(), a instanceof Number);

Number.prototype.sloppyType = function () {
  return typeof this;
};
console.log('(5).sloppyType():', (5).sloppyType());
Number.prototype.strictType = function () {
  'use strict';
  return typeof this;
};
console.log('(5).strictType():', (5).strictType());
delete Number.prototype.sloppyType;
delete Number.prototype.strictType;

String.prototype.shout = function () {
  return this.toUpperCase() + '!' + (this instanceof String);
};
console.log('abc'.shout());
delete String.prototype.shout;
console.log('done');
