// Rest parameters and destructuring patterns also produce unmapped arguments (sloppy file).
function rest(a, ...more) {
  a = 'A';
  more[0] = 'M';
  return [arguments[0], arguments[1], arguments.length, more.length];
}
console.log('rest:', rest('a', 'b', 'c').join(','));

function destructObj({ x }, y) {
  y = 'Y';
  return [arguments[1], x, typeof arguments[0]];
}
console.log('object pattern:', destructObj({ x: 1 }, 'y').join(','));

function destructArr([p, q], r) {
  arguments[1] = 'R';
  return [p, q, r];
}
console.log('array pattern:', destructArr([1, 2], 'r').join(','));

function onlyRest(...all) {
  return [all.length, arguments.length, all === arguments, Array.isArray(all), Array.isArray(arguments)];
}
console.log('only rest:', onlyRest(1, 2).join(','));

var arrow = (...xs) => xs.reduce((s, v) => s + v, 0);
console.log('arrow rest sum:', arrow(1, 2, 3));
console.log('done');
