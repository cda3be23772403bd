'use strict';
// Strict mode: assignment to undeclared identifiers throws ReferenceError.
function attempt(label, fn) {
  try {
    fn();
    console.log(label + ': no error');
  } catch (e) {
    console.log(label + ': ' + e.constructor.name + ': ' + e.message);
  }
}
attempt('simple assignment', function () {
  undeclaredA = 1;
});
attempt('compound assignment', function () {
  undeclaredB += 1;
});
attempt('increment', function () {
  undeclaredC++;
});
attempt('for-in target', function () {
  for (undeclaredD in { k: 1 });
});
attempt('destructuring target', function () {
  [undeclaredE] = [1];
});
globalThis.declaredOnGlobal = 'exists';
attempt('assignment to existing global property', function () {
  declaredOnGlobal = 'updated';
});
console.log('value:', globalThis.declaredOnGlobal);
delete globalThis.declaredOnGlobal;
attempt('after delete', function () {
  declaredOnGlobal = 'again';
});
console.log('typeof on undeclared is fine:', typeof undeclaredF);
console.log('done');
