// Immediately invoked function expressions in all their syntactic forms.
var results = [];
(function () {
  results.push('classic (function(){})()');
})();
(function () {
  results.push('crockford (function(){}())');
}());
(() => {
  results.push('arrow (() => {})()');
})();
!function () {
  results.push('unary ! prefix');
}();
void function () {
  results.push('void prefix');
}();
+function () {
  results.push('unary + prefix');
}();
var assigned = function () {
  return 'assignment context needs no parens';
}();
results.push(assigned);
var withArgs = (function (a, b) {
  return 'args ' + a + b;
})('x', 'y');
results.push(withArgs);
var named = (function recurse(n) {
  return n ? recurse(n - 1) + '.' : 'named IIFE recursion';
})(3);
results.push(named);
var constructed = new function () {
  this.kind = 'new function () {} instance';
}();
results.push(constructed.kind);
var asyncIife = (async () => 'async IIFE result')();
var thisInIife = (function () {
  return this === globalThis ? 'sloppy IIFE this is globalThis' : 'other';
})();
results.push(thisInIife);
var moduleThis = (() => (this === module.exports ? 'arrow IIFE this is module.exports' : 'other'))();
results.push(moduleThis);
var chained = (function () {
  return function () {
    return 'IIFE returning a function, called again';
  };
})()();
results.push(chained);
results.forEach(function (r) {
  console.log(r);
});
asyncIife.then(function (v) {
  console.log(v);
  console.log('done');
});
