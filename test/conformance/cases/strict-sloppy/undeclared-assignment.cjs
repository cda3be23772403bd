// Sloppy mode: assigning to an undeclared identifier creates a global property.
function leak() {
  implicitGlobal = 'leaked from function';
  return typeof implicitGlobal;
}
console.log('before:', typeof implicitGlobal);
console.log('inside:', leak());
console.log('global property:', globalThis.implicitGlobal, Object.prototype.hasOwnProperty.call(globalThis, 'implicitGlobal'));
var desc = Object.getOwnPropertyDescriptor(globalThis, 'implicitGlobal');
console.log('descriptor configurable/enumerable:', desc.configurable, desc.enumerable);
console.log('delete implicit global:', delete globalThis.implicitGlobal, typeof implicitGlobal);

function nestedLeak() {
  var local = 1;
  (function () {
    local = 2;
    alsoLeaked = 3;
  })();
  return local;
}
console.log('closure assigns outer local:', nestedLeak(), 'leaked:', typeof alsoLeaked);
delete globalThis.alsoLeaked;

function chained() {
  var a = (b = 5);
  return a;
}
console.log('var a = b = 5 leaks b:', chained(), typeof b, globalThis.b);
delete globalThis.b;

try {
  (function () {
    'use strict';
    strictLeak = 1;
  })();
} catch (e) {
  console.log('strict function:', e.constructor.name, e.message);
}

function readUndeclared() {
  try {
    return neverDeclared;
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}
console.log('reading undeclared:', readUndeclared());
console.log('typeof undeclared:', typeof neverDeclared);
console.log('done');
