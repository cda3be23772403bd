'use strict';
// Strict functions get an unmapped arguments object: params and indices are independent.
function writeParam(a, b) {
  a = 'A!';
  return [a, arguments[0], b, arguments[1]];
}
console.log(writeParam('a', 'b').join(','));

function writeArguments(a) {
  arguments[0] = 'changed';
  return [a, arguments[0]];
}
console.log(writeArguments('orig').join(','));

function callee() {
  try {
    return arguments.callee;
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}
console.log('arguments.callee:', callee());

function describe() {
  return Object.getOwnPropertyNames(arguments).join(',');
}
console.log('own property names:', describe(1, 2));

function isArray() {
  return [Array.isArray(arguments), Object.prototype.toString.call(arguments)];
}
console.log('isArray / tag:', isArray().join(' '));

function sum() {
  let total = 0;
  for (const v of arguments) total += v;
  return total;
}
console.log('iterable sum:', sum(1, 2, 3, 4));
console.log('done');
