// Anonymous function expressions recurse through the outer variable, which can be reassigned.
var countDown = function (n) {
  return n === 0 ? 'done counting' : countDown(n - 1);
};
var original = countDown;
console.log('before reassignment:', original(3));
countDown = function (n) {
  return 'intercepted at ' + n;
};
console.log('after reassignment, recursion hits the new function:', original(3));

var memo = function (n) {
  return n < 2 ? n : memo(n - 1) + memo(n - 2);
};
var slowFib = memo;
var cache = {};
memo = function (n) {
  if (!(n in cache)) cache[n] = slowFib(n);
  return cache[n];
};
console.log('memoizing by rebinding the recursive name:', memo(40), 'cache size:', Object.keys(cache).length);

var calls = [];
var traced = function fnName(n) {
  calls.push(n);
  return n > 0 ? traced(n - 1) : 0;
};
var untraced = traced;
traced = function (n) {
  calls.push('wrapper(' + n + ')');
  return untraced(n);
};
calls.length = 0;
traced(2);
console.log('wrapping a recursive function expression:', calls.join(' '));

var obj = {
  walk: function (n) {
    return n ? 1 + this.walk(n - 1) : 0;
  },
};
var other = { walk: function () { return 100; } };
other.borrowed = obj.walk;
console.log('method recursion via this:', obj.walk(3), other.borrowed(3));
console.log('done');
