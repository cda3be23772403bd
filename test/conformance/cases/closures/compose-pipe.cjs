// Function composition: compose/pipe built from closures and reduce.
var compose = function () {
  var fns = Array.prototype.slice.call(arguments);
  return function (x) {
    return fns.reduceRight(function (acc, fn) {
      return fn(acc);
    }, x);
  };
};
var pipe = (...fns) => (x) => fns.reduce((acc, fn) => fn(acc), x);

var trim = function (s) { return s.trim(); };
var upper = function (s) { return s.toUpperCase(); };
var exclaim = (s) => s + '!';
var wrap = (l, r) => (s) => l + s + r;

console.log(compose(exclaim, upper, trim)('  hello  '));
console.log(pipe(trim, upper, exclaim, wrap('[', ']'))('  world  '));

var trace = [];
var traced = function (name, fn) {
  return function (x) {
    trace.push(name + '(' + x + ')');
    return fn(x);
  };
};
var calc = pipe(traced('double', (x) => x * 2), traced('inc', (x) => x + 1), traced('square', (x) => x * x));
console.log('pipe result:', calc(3), '| order:', trace.join(' '));

var identity = compose();
console.log('empty compose is identity:', identity('same'));

var pipelines = ['a', 'b', 'c'].map(function (suffix) {
  return pipe(upper, (s) => s + suffix);
});
console.log('closures over loop values:', pipelines.map(function (p) { return p('x'); }).join(','));

var asyncPipe = (...fns) => (x) => fns.reduce((p, fn) => p.then(fn), Promise.resolve(x));
asyncPipe(async (x) => x + 1, (x) => x * 10, async (x) => 'async pipe: ' + x)(4).then(function (r) {
  console.log(r);
  console.log('done');
});
