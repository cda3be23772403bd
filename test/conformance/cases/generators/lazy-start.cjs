// Generator bodies do not run until the first next(); parameters are bound at call time.
var log = [];
function* gen(label) {
  log.push('body started for ' + label);
  var x = yield 'first';
  log.push('resumed with ' + x);
  yield 'second';
  log.push('before return');
  return 'result';
}

var it = gen('A');
log.push('generator object created');
console.log('log after call:', log.join(' | '));
console.log('typeof it.next:', typeof it.next, 'it is iterator of itself:', it[Symbol.iterator]() === it);
console.log(JSON.stringify(it.next('ignored first arg')));
console.log(JSON.stringify(it.next('hello')));
console.log(JSON.stringify(it.next()));
console.log(JSON.stringify(it.next()));
console.log('log:', log.join(' | '));

var paramLog = [];
function* withDefault(a = (paramLog.push('default evaluated'), 1)) {
  paramLog.push('body');
  yield a;
}
var g = withDefault();
paramLog.push('after call');
g.next();
console.log('defaults at call time, body at first next:', paramLog.join(' -> '));

function* throwsEarly() {
  throw new Error('thrown from body');
}
var t = throwsEarly();
console.log('calling throwing generator does not throw');
try {
  t.next();
} catch (e) {
  console.log('first next throws:', e.message, '| then:', JSON.stringify(t.next()));
}
console.log('done');
