// Methods on module.exports objects: `this` depends on how they are called.
var counter = require('./_this-exports.cjs');
counter.increment().increment();
console.log(counter.report());

var inc = counter.increment;
globalThis.count = 100;
inc();
console.log('detached sloppy call increments globalThis.count:', globalThis.count, '|', counter.report());
delete globalThis.count;

var arrowThis = counter.arrowIncrement();
console.log('arrow in exported literal returns module-level this (the original exports object):', arrowThis !== counter, typeof arrowThis, Object.keys(arrowThis).length);

var copy = Object.assign({}, counter);
copy.increment();
console.log('copied object:', copy.report(), '| original:', counter.report());
console.log('done');
