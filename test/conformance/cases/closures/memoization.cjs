// Memoization with closures: per-function caches, key functions, and cache inspection.
function memoize(fn, keyFn) {
  var cache = Object.create(null);
  var stats = { hits: 0, misses: 0 };
  function memoized() {
    var key = keyFn ? keyFn.apply(this, arguments) : String(arguments[0]);
    if (key in cache) {
      stats.hits++;
      return cache[key];
    }
    stats.misses++;
    return (cache[key] = fn.apply(this, arguments));
  }
  memoized.stats = function () {
    return 'hits=' + stats.hits + ' misses=' + stats.misses;
  };
  memoized.clear = function () {
    cache = Object.create(null);
  };
  return memoized;
}

var slowSquareCalls = 0;
var square = memoize(function (n) {
  slowSquareCalls++;
  return n * n;
});
[2, 3, 2, 2, 3, 4].forEach(function (n) {
  square(n);
});
console.log('square:', square.stats(), 'underlying calls:', slowSquareCalls);

var fib = memoize(function (n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
});
console.log('fib(60):', fib(60), fib.stats());

var pathLen = memoize(
  function (a, b) {
    return Math.abs(a - b);
  },
  function (a, b) {
    return a + ',' + b;
  }
);
pathLen(1, 5);
pathLen(1, 5);
pathLen(5, 1);
console.log('multi-arg key:', pathLen.stats());

var withThis = memoize(function (n) {
  return this.base + n;
});
var ctx = { base: 100, f: withThis };
console.log('this forwarded:', ctx.f(1), ctx.f(1), withThis.stats());
square.clear();
square(2);
console.log('after clear:', square.stats());
console.log('done');
