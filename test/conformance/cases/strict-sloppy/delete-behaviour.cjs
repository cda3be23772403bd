// delete: sloppy returns false for non-deletable things; strict throws TypeError.
var frozen = Object.freeze({ a: 1 });
var sealedArr = Object.seal([1, 2]);
var withNonConfig = {};
Object.defineProperty(withNonConfig, 'fixed', { value: 1, configurable: false });

console.log('sloppy delete frozen prop:', delete frozen.a, frozen.a);
console.log('sloppy delete sealed array index:', delete sealedArr[0], sealedArr.join(','));
console.log('sloppy delete non-configurable:', delete withNonConfig.fixed);
console.log('sloppy delete missing prop:', delete withNonConfig.missing);
console.log('sloppy delete array length:', delete [].length);

var declared = 1;
console.log('sloppy delete var binding:', delete declared, declared);
function fnBinding() {}
console.log('sloppy delete function binding:', delete fnBinding, typeof fnBinding);
globalThis.deletableGlobal = 1;
console.log('sloppy delete global property via identifier:', delete deletableGlobal, typeof deletableGlobal);

function strictDelete(obj, key) {
  'use strict';
  try {
    return 'returned ' + delete obj[key];
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('strict delete frozen prop:', strictDelete(frozen, 'a'));
console.log('strict delete non-configurable:', strictDelete(withNonConfig, 'fixed'));
console.log('strict delete missing:', strictDelete(withNonConfig, 'missing'));
console.log('strict delete configurable:', strictDelete({ x: 1 }, 'x'));

function deleteArguments(a) {
  var r = delete arguments[0];
  return r + ' ' + a + ' ' + arguments[0];
}
console.log('delete arguments[0] (sloppy, mapped):', deleteArguments('val'));
console.log('done');
