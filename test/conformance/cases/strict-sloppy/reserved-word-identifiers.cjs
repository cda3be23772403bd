// Sloppy mode permits some future-reserved words as identifiers.
var let_result = (function () {
  var let = 'let as var name';
  return let;
})();
console.log(let_result);

function usesYield() {
  var yield = 'yield as identifier';
  return yield;
}
console.log(usesYield());

function staticAndFriends() {
  var static = 1, implements = 2, interface = 3, package = 4, private = 5, protected = 6, public = 7;
  return static + implements + interface + package + private + protected + public;
}
console.log('strict-reserved words as vars:', staticAndFriends());

function await() {
  return 'function named await (script code)';
}
console.log(await());

var async = function (x) {
  return 'variable named async called with ' + x;
};
console.log(async(1));

var of = [1, 2];
for (var x of of) console.log('iterating variable named of:', x);

function strictCheck() {
  try {
    new Function('"use strict"; var static = 1;');
    return 'no error';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('same in strict code:', strictCheck());
console.log('done');
