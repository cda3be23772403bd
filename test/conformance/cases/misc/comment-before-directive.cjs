/*
 * A block comment (and line comments) may precede the directive prologue;
 * "use strict" below still makes this whole file strict.
 */
// another comment
'use strict';

function typeOfThis() {
  return typeof this;
}
console.log('plain call this:', typeOfThis());

function assignUndeclared() {
  try {
    notDeclaredAnywhere = 1;
    return 'assigned';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('undeclared assignment:', assignUndeclared());

function mapped(a) {
  a = 'changed';
  return arguments[0];
}
console.log('arguments mapping:', mapped('original'));

var frozen = Object.freeze({ x: 1 });
try {
  frozen.x = 2;
} catch (e) {
  console.log('frozen write:', e.constructor.name);
}
console.log('fn.caller poisoned:', (function probe() {
  try {
    return typeof probe.caller;
  } catch (e) {
    return e.constructor.name;
  }
})());
console.log('done');
