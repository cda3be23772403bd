// Sloppy mode: assignment to a named function expression's own name is silently ignored.
var fn = function self() {
  self = 'ignored';
  return typeof self;
};
console.log('assign to own name (sloppy):', fn());

var counter = function count(n) {
  count = function () {
    return 'hijacked';
  };
  return n === 0 ? 'bottom' : count(n - 1);
};
console.log('recursion still uses the original:', counter(3));

var outer = function rec(n) {
  if (n > 0) return rec(n - 1);
  return eval('typeof rec');
};
console.log('eval sees the name binding:', outer(2));

var withEval = function named() {
  eval('var named = "declared by eval"');
  return named;
};
console.log('var from eval shadows the name:', withEval());

var strictInside = function me() {
  'use strict';
  try {
    me = 1;
  } catch (e) {
    return e.constructor.name;
  }
};
console.log('strict named expression assignment:', strictInside());
console.log('done');
