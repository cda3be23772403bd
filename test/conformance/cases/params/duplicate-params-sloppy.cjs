// Sloppy mode allows duplicate parameter names; the last one wins.
function dup(a, a) {
  return a;
}
console.log('dup(1, 2):', dup(1, 2));
console.log('dup(1):', dup(1));
console.log('length:', dup.length);

function dupArgs(x, x, y) {
  x = 'assigned';
  return [arguments[0], arguments[1], y].join(',');
}
console.log('mapping with duplicates:', dupArgs('first', 'second', 'third'));

function triple(z, z, z) {
  return z;
}
console.log('triple:', triple('a', 'b', 'c'), triple('a', 'b'));

var fe = function (p, p) {
  return typeof p;
};
console.log('function expression duplicates:', fe('s', 2));
console.log('done');
