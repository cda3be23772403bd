// Recursive closures with memoization and a Y-combinator style fixed point.
function memoize(fn) {
  var cache = new Map();
  var hits = 0;
  var memo = function (n) {
    if (cache.has(n)) {
      hits++;
      return cache.get(n);
    }
    var v = fn(memo, n);
    cache.set(n, v);
    return v;
  };
  memo.stats = function () {
    return 'entries=' + cache.size + ' hits=' + hits;
  };
  return memo;
}
var fib = memoize(function (self, n) {
  return n < 2 ? n : self(n - 1) + self(n - 2);
});
console.log('fib(80):', fib(80), fib.stats());

var Y = function (f) {
  return (function (x) {
    return x(x);
  })(function (x) {
    return f(function (v) {
      return x(x)(v);
    });
  });
};
var factorial = Y(function (self) {
  return function (n) {
    return n <= 1 ? 1 : n * self(n - 1);
  };
});
console.log('Y-combinator factorial(12):', factorial(12));

function makeWalker() {
  var visited = [];
  function walk(node, depth) {
    visited.push(depth + ':' + node.name);
    (node.kids || []).forEach(function (k) {
      walk(k, depth + 1);
    });
    return visited;
  }
  return walk;
}
var tree = { name: 'r', kids: [{ name: 'a', kids: [{ name: 'a1' }] }, { name: 'b' }] };
console.log('closure-based walk:', makeWalker()(tree, 0).join(' '));
console.log('done');
