// Trampolining converts deep recursion into a loop of returned thunks.
function trampoline(fn) {
  return function () {
    var result = fn.apply(this, arguments);
    while (typeof result === 'function') result = result();
    return result;
  };
}

var sumBelow = trampoline(function sum(n, acc) {
  acc = acc || 0;
  if (n === 0) return acc;
  return function () {
    return sum(n - 1, acc + n);
  };
});
console.log('sum below 100000:', sumBelow(100000));

var even = trampoline(function isEven(n) {
  return n === 0 ? true : function () { return isOdd(n - 1); };
});
function isOdd(n) {
  return n === 0 ? false : function () { return even.raw(n - 1); };
}
even.raw = function (n) {
  return n === 0 ? true : function () { return isOdd(n - 1); };
};
console.log('even(50001):', even(50001), 'even(50000):', even(50000));

function cps(n, k) {
  return n === 0 ? function () { return k(1); } : function () { return cps(n - 1, function (v) { return function () { return k(v * n); }; }); };
}
var run = trampoline(function (n) {
  return cps(n, function (v) {
    return v;
  });
});
console.log('CPS factorial(20):', run(20));
console.log('done');
