// Stack traces from inside generators keep correct line numbers.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}

function* failing() {
  yield 1;
  throw new Error('generator failure');
}
function drive(it) {
  var out = [];
  for (var v of it) out.push(v);
  return out;
}
try {
  drive(failing());
} catch (e) {
  console.log(e.constructor.name, e.message, frames(e).join(' <- '));
}

function* delegating() {
  yield* failing();
}
try {
  Array.from(delegating());
} catch (e) {
  console.log('through yield*:', frames(e).join(' <- '));
}

function* thrower() {
  try {
    yield 'waiting';
  } catch (e) {
    throw new RangeError('rethrown: ' + e.message);
  }
}
var t = thrower();
t.next();
try {
  t.throw(new Error('injected'));
} catch (e) {
  console.log(e.constructor.name, e.message, frames(e).join(' <- '));
}
console.log('done');
