// `new` with bound functions: bound this ignored, bound args prepended, prototype from target.
function Person(first, last) {
  this.first = first;
  this.last = last;
  this.thisWasBound = this === boundThis;
}
Person.prototype.full = function () {
  return this.first + ' ' + this.last;
};
var boundThis = { marker: 'bound' };
var Smith = Person.bind(boundThis, undefined, 'Smith');
var s = new Smith();
s.first = 'Jane';
console.log(s.full(), '| bound this ignored:', !s.thisWasBound);
console.log('instanceof target:', s instanceof Person, '| instanceof bound:', s instanceof Smith);
console.log('Object.getPrototypeOf(s) === Person.prototype:', Object.getPrototypeOf(s) === Person.prototype);
console.log('bound has no prototype property:', Smith.prototype);

var Partial = Person.bind(null, 'Bound');
var pp = new Partial('Last');
console.log('partial application through new:', pp.full());

var Both = Partial.bind(null, 'Ignored?');
var b = new Both();
console.log('double bound args accumulate:', b.full());

function Arrowish() {
  return (() => this)();
}
var BoundArrowish = Arrowish.bind({ not: 'used' });
console.log('arrow inside bound constructor sees new object:', new BoundArrowish() instanceof Arrowish);

var arrow = () => {};
try {
  new (arrow.bind(null))();
} catch (e) {
  console.log('bound arrow is not a constructor:', e.constructor.name);
}
var method = { m() {} }.m;
try {
  new (method.bind(null))();
} catch (e) {
  console.log('bound method is not a constructor:', e.constructor.name);
}
console.log('done');
