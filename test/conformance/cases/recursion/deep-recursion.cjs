// Deep recursion in sloppy CJS code, including mutual recursion and recursion via arguments.callee.
function countDown(n) {
  if (n === 0) return 'bottom';
  return countDown(n - 1);
}
console.log('countDown(4000):', countDown(4000));

function ping(n) {
  return n === 0 ? 'ping ended' : pong(n - 1);
}
function pong(n) {
  return n === 0 ? 'pong ended' : ping(n - 1);
}
console.log('mutual 3001:', ping(3001));

var anonymous = function (n) {
  return n === 0 ? 0 : 1 + arguments.callee(n - 1);
};
console.log('arguments.callee depth 2000:', anonymous(2000));

function withClosure(n, acc) {
  acc = acc || [];
  if (n === 0) return acc;
  acc.push(function () {
    return n;
  });
  return withClosure(n - 1, acc);
}
var fns = withClosure(2500);
console.log('closures captured at each level:', fns.length, fns[0](), fns[fns.length - 1]());

function recurseThroughCall(n) {
  return n === 0 ? 'via call' : recurseThroughCall.call(null, n - 1);
}
console.log('depth 2000 via .call:', recurseThroughCall(2000));
function recurseThroughApply(n) {
  return n === 0 ? 'via apply' : recurseThroughApply.apply(null, [n - 1]);
}
console.log('depth 2000 via .apply:', recurseThroughApply(2000));
console.log('done');
