// Strict eval gets its own variable environment; sloppy eval declares into the caller.
function sloppyEval() {
  eval('var leaked = "sloppy var"; function leakedFn() { return "fn"; }');
  return typeof leaked + ' ' + typeof leakedFn;
}
function strictEval() {
  'use strict';
  eval('var contained = "strict var"; function containedFn() {}');
  return typeof contained + ' ' + typeof containedFn;
}
function strictCode() {
  eval('"use strict"; var alsoContained = 1;');
  return typeof alsoContained;
}
console.log('sloppy eval leaks:', sloppyEval());
console.log('strict caller contains:', strictEval());
console.log('"use strict" inside eval code contains:', strictCode());

function evalReadsStrictness() {
  'use strict';
  return eval('(function () { return this === undefined; })()');
}
console.log('eval in strict function produces strict code:', evalReadsStrictness());

function sloppyArgsEval() {
  return eval('arguments = "reassigned"; arguments');
}
console.log('sloppy eval can assign arguments:', sloppyArgsEval());

function strictArgsEval() {
  'use strict';
  try {
    return eval('arguments = "reassigned"');
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('strict eval assigning arguments:', strictArgsEval());
console.log('done');
