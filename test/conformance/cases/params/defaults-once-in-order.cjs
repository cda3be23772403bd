// Default parameter expressions are evaluated left to right, once per call, only when needed.
var log = [];
var counter = 0;
function next(label) {
  counter++;
  log.push(label + '#' + counter);
  return label + counter;
}

function f(a = next('a'), b = next('b'), c = next('c')) {
  return [a, b, c].join(',');
}

console.log(f(), '|', log.join(' '));
log.length = 0;
console.log(f('A'), '|', log.join(' '));
log.length = 0;
console.log(f(undefined, 'B'), '|', log.join(' '));
log.length = 0;
console.log(f(null, 0, ''), '|', log.length === 0 ? 'no defaults evaluated' : log.join(' '));

log.length = 0;
var calls = 0;
function makeArray(arr = (calls++, [])) {
  arr.push(calls);
  return arr;
}
var r1 = makeArray();
var r2 = makeArray();
console.log('fresh default object per call:', r1 !== r2, JSON.stringify(r1), JSON.stringify(r2));

function mixed(a, b = a.length, c = b * 2, d) {
  return [a, b, c, d].join('/');
}
console.log('mixed:', mixed('xyz'), mixed('xyz', 1), mixed('xyz', undefined, undefined, 'd'));
console.log('done');
