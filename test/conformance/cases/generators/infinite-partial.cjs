// Infinite generators consumed partially with take/zip helpers.
function* naturals() {
  var n = 0;
  while (true) yield n++;
}
function* take(n, it) {
  if (n <= 0) return;
  for (var v of it) {
    yield v;
    if (--n <= 0) return;
  }
}
function* map(fn, it) {
  for (var v of it) yield fn(v);
}
function* filter(pred, it) {
  for (var v of it) if (pred(v)) yield v;
}
function* fib() {
  var a = 0, b = 1;
  for (;;) {
    yield a;
    var t = a + b;
    a = b;
    b = t;
  }
}
console.log('first squares of odds:', Array.from(take(5, map(function (x) { return x * x; }, filter(function (x) { return x % 2; }, naturals())))).join(','));
console.log('fib:', Array.from(take(12, fib())).join(','));

var shared = naturals();
console.log('take() closes the shared iterator after the first chunk:', Array.from(take(3, shared)).join(','), '/', Array.from(take(3, shared)).join(','));

var collatzLen = function (n) {
  function* steps(x) {
    while (x !== 1) {
      yield x;
      x = x % 2 ? 3 * x + 1 : x / 2;
    }
    yield 1;
  }
  var c = 0;
  for (var _ of steps(n)) c++;
  return c;
};
console.log('collatz lengths:', [1, 7, 27].map(collatzLen).join(','));

var primes = (function* () {
  var found = [];
  for (var n = 2; ; n++) {
    if (found.every(function (p) { return n % p; })) {
      found.push(n);
      yield n;
    }
  }
})();
var firstPrimes = [];
for (var p of primes) {
  if (p > 30) break;
  firstPrimes.push(p);
}
console.log('primes:', firstPrimes.join(','), 'after break:', JSON.stringify(primes.next()));
console.log('done');
