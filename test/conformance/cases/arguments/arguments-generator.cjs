// Generators get an arguments object at call time; sloppy generators are mapped.
function* gen(a, b) {
  yield arguments.length;
  a = 'A';
  yield arguments[0];
  arguments[1] = 'B';
  yield b;
  yield Array.prototype.join.call(arguments, '|');
}
var it = gen('a', 'b', 'c');
var out = [];
for (var v of it) out.push(v);
console.log('sloppy generator:', out.join(' '));

function* strictGen(a) {
  'use strict';
  a = 'changed';
  yield arguments[0];
}
console.log('strict generator:', strictGen('orig').next().value);

function* laterCall() {
  var snapshot = arguments.length;
  yield snapshot;
  yield arguments.length;
}
var g = laterCall(1, 2);
console.log('length captured at call time:', g.next().value, g.next().value);

var objWithGen = {
  *items() {
    for (var i = 0; i < arguments.length; i++) yield arguments[i] * 2;
  },
};
console.log('generator method:', Array.from(objWithGen.items(1, 2, 3)).join(','));
console.log('done');
