// Recursion through function declaration names.
function factorial(n) {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}
function flatten(arr) {
  var out = [];
  arr.forEach(function (x) {
    if (Array.isArray(x)) out.push.apply(out, flatten(x));
    else out.push(x);
  });
  return out;
}
function permutations(items) {
  if (items.length <= 1) return [items.slice()];
  var result = [];
  for (var i = 0; i < items.length; i++) {
    var rest = items.slice(0, i).concat(items.slice(i + 1));
    permutations(rest).forEach(function (p) {
      result.push([items[i]].concat(p));
    });
  }
  return result;
}
function depthOf(obj) {
  if (obj === null || typeof obj !== 'object') return 0;
  var max = 0;
  for (var k in obj) max = Math.max(max, depthOf(obj[k]));
  return max + 1;
}

console.log('factorial(10):', factorial(10));
console.log('fib(20):', fib(20));
console.log('gcd(1071, 462):', gcd(1071, 462));
console.log('flatten:', flatten([1, [2, [3, [4, [5]]]], 6]).join(','));
console.log('permutations:', permutations(['a', 'b', 'c']).map(function (p) { return p.join(''); }).join(' '));
console.log('depth:', depthOf({ a: { b: { c: {} } }, d: 1 }));

var saved = factorial;
factorial = function (n) {
  return 1000;
};
console.log('declaration name is a mutable binding, recursion follows it:', saved(5));
console.log('done');
