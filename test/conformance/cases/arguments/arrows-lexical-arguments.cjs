// Arrow functions have no own `arguments`; they see the enclosing function's.
function outer(a, b) {
  var arrow = () => arguments[0] + '/' + arguments.length;
  var arrowWithArgs = (x, y, z) => [x, arguments[1], arguments.length].join(',');
  return [arrow('ignored', 'ignored'), arrowWithArgs(1, 2, 3)];
}
console.log(outer('first', 'second').join(' | '));

function mappedThroughArrow(a) {
  var setViaArrow = () => {
    arguments[0] = 'set in arrow';
  };
  setViaArrow();
  return a;
}
console.log('arrow writes mapped arguments:', mappedThroughArrow('orig'));

function collect() {
  return [1, 2].map((x) => x + arguments.length);
}
console.log('map callback arrow:', collect('a', 'b', 'c').join(','));

function later() {
  return () => Array.prototype.join.call(arguments, '+');
}
var fn = later('p', 'q');
console.log('arrow returned and called later:', fn('r', 's'));

var topArrow = () => typeof arguments;
console.log('top-level arrow in CJS sees module wrapper arguments:', topArrow(), topArrow.length);

function shadow() {
  var inner = function () {
    return (() => arguments[0])();
  };
  return inner('inner-arg');
}
console.log('arrow inside nested function:', shadow('outer-arg'));
console.log('done');
