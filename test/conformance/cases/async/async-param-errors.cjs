// Errors in async function parameters (defaults / destructuring) become rejections, not sync throws.
var log = [];
async function withDefault(a = (log.push('default evaluated'), missing.value)) {
  log.push('body');
  return a;
}
async function withDestructuring({ x }) {
  return x;
}
var asyncArrow = async ([first]) => first;

var p1;
try {
  p1 = withDefault();
  log.push('call returned without throwing');
} catch (e) {
  log.push('sync throw?! ' + e.constructor.name);
}
var p2 = withDestructuring(null);
var p3 = asyncArrow(undefined);

Promise.allSettled([p1, p2, p3]).then(function (results) {
  results.forEach(function (r, i) {
    console.log('promise ' + (i + 1) + ': ' + r.status + ' ' + r.reason.constructor.name);
  });
  console.log(log.join(' -> '));

  function* genWithBadDefault(a = missing.value) {
    yield a;
  }
  try {
    genWithBadDefault();
  } catch (e) {
    console.log('generator default throws synchronously at call:', e.constructor.name);
  }

  async function* asyncGenWithBadDefault(a = missing.value) {
    yield a;
  }
  try {
    asyncGenWithBadDefault();
    console.log('async generator call did not throw');
  } catch (e) {
    console.log('async generator default throws synchronously at call:', e.constructor.name);
  }
  console.log('done');
});
