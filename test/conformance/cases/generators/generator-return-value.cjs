// Return values of generators are visible via next() but ignored by for-of and spread.
function* withReturn() {
  yield 'a';
  yield 'b';
  return 'the-return-value';
}
console.log('spread:', JSON.stringify([].concat(Array.from(withReturn()))));
var forOf = [];
for (var v of withReturn()) forOf.push(v);
console.log('for-of:', forOf.join(','));

var it = withReturn();
var steps = [it.next(), it.next(), it.next(), it.next()];
console.log('manual:', JSON.stringify(steps));

function* delegator() {
  var r = yield* withReturn();
  yield 'delegate got: ' + r;
}
console.log('yield* exposes return value:', Array.from(delegator()).join(' | '));

function* implicitReturn() {
  yield 1;
}
var ir = implicitReturn();
ir.next();
console.log('implicit return:', JSON.stringify(ir.next()));

function* earlyReturn(flag) {
  if (flag) return 'early';
  yield 'not early';
}
console.log('early return:', JSON.stringify(earlyReturn(true).next()), JSON.stringify(earlyReturn(false).next()));

function* returnInTry() {
  try {
    return 'from try';
  } finally {
    yield 'finally yields before return completes';
  }
}
var rit = returnInTry();
console.log('return in try with yielding finally:', JSON.stringify(rit.next()), JSON.stringify(rit.next()));
console.log('done');
