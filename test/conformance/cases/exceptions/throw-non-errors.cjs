// Any value can be thrown; catch receives it unchanged.
var values = [
  'a string',
  42,
  0,
  null,
  undefined,
  false,
  { code: 'E_OBJ' },
  ['array', 'thrown'],
  Symbol('sym'),
  function thrownFunction() {},
  10n,
];
values.forEach(function (v) {
  try {
    throw v;
  } catch (e) {
    var same = e === v;
    var desc = typeof e === 'symbol' ? e.toString() : typeof e === 'function' ? 'function ' + e.name : JSON.stringify(e, function (k, x) { return typeof x === 'bigint' ? x + 'n' : x; });
    console.log(typeof e + ' | ' + desc + ' | identical: ' + same);
  }
});

function throwsPromise() {
  throw Promise.resolve('a thrown promise is not awaited');
}
try {
  throwsPromise();
} catch (e) {
  console.log('thrown promise is just an object:', e instanceof Promise);
}

function nested() {
  try {
    throw { level: 1 };
  } catch (e) {
    e.level++;
    throw e;
  }
}
try {
  nested();
} catch (e) {
  console.log('mutated and rethrown object:', e.level);
}

async function asyncThrowsString() {
  throw 'async string';
}
asyncThrowsString().catch(function (r) {
  console.log('rejection reason:', typeof r, r);
  console.log('done');
});
