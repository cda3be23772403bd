// Error.captureStackTrace: attach stacks to arbitrary objects and hide frames above a function.
var FILE = require('path').basename(__filename);
function frames(stack) {
  return stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}

function plainObjectStack() {
  var holder = { message: 'not an error' };
  Error.captureStackTrace(holder);
  return holder;
}
var h = plainObjectStack();
console.log('stack added to plain object:', typeof h.stack, frames(h.stack).join(' <- '));
console.log('first line uses toString of object:', h.stack.split('\n')[0]);

function assertPositive(n) {
  if (n <= 0) {
    var err = new RangeError('expected positive, got ' + n);
    Error.captureStackTrace(err, assertPositive);
    throw err;
  }
}
function caller() {
  assertPositive(-1);
}
try {
  caller();
} catch (e) {
  console.log('assertPositive frame hidden:', frames(e.stack).join(' <- '));
}

function outerHelper() {
  return innerHelper();
}
function innerHelper() {
  var o = {};
  Error.captureStackTrace(o, outerHelper);
  return o.stack;
}
console.log('frames above and including outerHelper removed:', frames(outerHelper()).join(' <- ') || '(only top-level frame remains)');

function notOnStack() {}
function usesUnrelated() {
  var o = {};
  Error.captureStackTrace(o, notOnStack);
  return o.stack;
}
console.log('constructorOpt not on stack hides everything:', JSON.stringify(frames(usesUnrelated())));

var descriptor = Object.getOwnPropertyDescriptor(h, 'stack');
console.log('stack property is own, writable:', !!descriptor, descriptor && descriptor.writable !== false);
console.log('done');
