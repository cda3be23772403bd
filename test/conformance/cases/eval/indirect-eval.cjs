// Indirect eval runs in the global scope: no access to locals; var declarations become globals.
var moduleVar = 'module scoped';
function test() {
  var local = 'local';
  var geval = eval;
  var results = [];
  results.push('typeof local: ' + geval('typeof local'));
  results.push('typeof moduleVar: ' + geval('typeof moduleVar'));
  results.push('comma form: ' + (0, eval)('typeof local'));
  results.push('via call: ' + eval.call(null, 'typeof local'));
  results.push('optional call: ' + eval?.('typeof local'));
  results.push('this in indirect eval is global: ' + (geval('this') === globalThis));
  return results;
}
test().forEach(function (line) {
  console.log(line);
});

(0, eval)('var createdGlobally = "global var from indirect eval"');
console.log('created global:', globalThis.createdGlobally);
console.log('is configurable (eval-created):', Object.getOwnPropertyDescriptor(globalThis, 'createdGlobally').configurable);
delete globalThis.createdGlobally;

(0, eval)('function globalFromEval() { return "global function"; }');
console.log(globalFromEval());
delete globalThis.globalFromEval;

var result = (0, eval)('(function () { return typeof this; })()');
console.log('indirect eval is sloppy regardless of caller:', result);
(function () {
  'use strict';
  console.log('from a strict function, still sloppy:', (0, eval)('(function () { return typeof this; })()'));
})();
console.log('done');
