// Independent counters built from closures; each factory call has its own state.
function makeCounter(start, step) {
  var count = start || 0;
  step = step || 1;
  return {
    next: function () {
      count += step;
      return count;
    },
    reset: function () {
      count = start || 0;
    },
    peek: () => count,
  };
}
var a = makeCounter();
var b = makeCounter(100, 10);
a.next();
a.next();
b.next();
console.log('a:', a.peek(), 'b:', b.peek());
a.reset();
console.log('after reset a:', a.peek(), 'b unaffected:', b.peek());

function idGenerator(prefix) {
  var n = 0;
  return function () {
    return prefix + '-' + ++n;
  };
}
var userId = idGenerator('user');
var orderId = idGenerator('order');
console.log(userId(), userId(), orderId(), userId());

var counters = [];
for (var i = 0; i < 3; i++) counters.push(makeCounter(i * 10));
counters.forEach(function (c, idx) {
  for (var k = 0; k <= idx; k++) c.next();
});
console.log('counters from a loop:', counters.map(function (c) { return c.peek(); }).join(','));

function sharedState() {
  var total = 0;
  function add(n) {
    total += n;
    return get();
  }
  function get() {
    return total;
  }
  return [add, get];
}
var pair = sharedState();
pair[0](5);
pair[0](7);
console.log('two closures share one variable:', pair[1]());
console.log('done');
