'use strict';
// Strict mode: a plain call gives `this === undefined`.
const counter = {
  count: 0,
  inc() {
    if (this === undefined) return 'this is undefined';
    this.count++;
    return 'count=' + this.count;
  },
};

console.log(counter.inc());
console.log(counter.inc());
const inc = counter.inc;
console.log(inc());
console.log((0, counter.inc)());
console.log([counter.inc][0].call(undefined));

function plain() {
  return typeof this;
}
console.log('plain:', plain());
console.log('call(null):', plain.call(null));
console.log('call(5):', plain.call(5));
console.log('call("s"):', plain.call('s'));
console.log('apply(true):', plain.apply(true));

function identity() {
  return this;
}
console.log('identity(7) === 7:', identity.call(7) === 7);
console.log('identity(null) === null:', identity.call(null) === null);
const sym = Symbol('s');
console.log('identity(sym) === sym:', identity.call(sym) === sym);

function run(cb) {
  return cb();
}
console.log('callback this:', run(function () { return String(this); }));
console.log('done');
