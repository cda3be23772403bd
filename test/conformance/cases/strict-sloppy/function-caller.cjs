// Sloppy functions expose fn.caller (the calling function) and fn.arguments (the active arguments).
function inspect() {
  var c = inspect.caller;
  return {
    callerName: c ? c.name || '(anonymous)' : String(c),
    args: inspect.arguments ? Array.prototype.join.call(inspect.arguments, ',') : String(inspect.arguments),
  };
}
function sloppyCaller() {
  return inspect(1, 2, 3);
}
function strictCaller() {
  'use strict';
  return inspect('s');
}
var arrowCaller = () => inspect('arrow');

console.log('from sloppy caller:', JSON.stringify(sloppyCaller()));
console.log('from strict caller:', JSON.stringify(strictCaller()));
console.log('from arrow caller:', JSON.stringify(arrowCaller()));
console.log('after the call returns:', inspect.caller, inspect.arguments);

function recursive(n) {
  if (n === 0) return recursive.arguments[0];
  return recursive(n - 1) + '<' + recursive.arguments[0];
}
console.log('fn.arguments in recursion reflects the innermost activation:', recursive(3));

function viaArray() {
  return [0].map(function mapper() {
    return mapper.caller === null ? 'null (called by builtin)' : typeof mapper.caller;
  })[0];
}
console.log('caller when invoked by Array.prototype.map:', viaArray());
console.log('done');
