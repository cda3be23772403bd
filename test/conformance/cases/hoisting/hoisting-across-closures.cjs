// Closures created before a variable is assigned see the later assignment.
function setup() {
  var getConfig = function () {
    return config;
  };
  var callLater = function () {
    return laterFn();
  };
  var before = getConfig();
  var config = { mode: 'ready' };
  return { before: before, after: getConfig(), fnCall: callLater() };
  function laterFn() {
    return 'declared after return';
  }
}
var r = setup();
console.log('before:', r.before, 'after:', JSON.stringify(r.after), 'fn:', r.fnCall);

var handlers = [];
function register() {
  handlers.push(function () {
    return 'handler sees count=' + count;
  });
}
register();
var count = 5;
console.log(handlers[0]());

var moduleLevel = (function () {
  return typeof notYet;
})();
function notYet() {}
console.log('IIFE sees hoisted module function:', moduleLevel);

var recursiveViaVar = function (n) {
  return n <= 0 ? 'base' : recursiveViaVar(n - 1);
};
var saved = recursiveViaVar;
recursiveViaVar = function () {
  return 'replaced';
};
console.log('recursion through reassigned var:', saved(3));
console.log('done');
