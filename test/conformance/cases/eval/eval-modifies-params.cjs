// Eval interacting with parameters: assignment, mapped arguments, and defaults.
function assignParam(a, b) {
  eval('a = a * 10; b = "B"');
  return [a, b, arguments[0], arguments[1]].join(',');
}
console.log('sloppy simple params (mapped):', assignParam(1, 'b'));

function withDefault(a, b = 2) {
  eval('a = "changed"');
  return [a, arguments[0]].join(',');
}
console.log('non-simple params (unmapped):', withDefault('orig'));

function evalInDefault(a, b = eval('a + 1')) {
  return b;
}
console.log('eval inside a default expression:', evalInDefault(41));

function evalDeclaresInDefault(a = eval('var fromDefault = "param-scope var"; 1'), b = () => typeof fromDefault) {
  var fromDefault2 = typeof fromDefault;
  return [a, b(), fromDefault2].join(',');
}
console.log('var declared by eval in parameter scope:', evalDeclaresInDefault());

function strictParams(a) {
  'use strict';
  eval('a = "changed"');
  return [a, arguments[0]].join(',');
}
console.log('strict function:', strictParams('orig'));
console.log('done');
