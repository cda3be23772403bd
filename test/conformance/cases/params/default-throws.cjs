// Default parameter expressions that throw: the body never runs and stack lines point at the default.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}
function required(name) {
  throw new TypeError('missing parameter: ' + name);
}

var bodyRuns = 0;
function createUser(name = required('name'), role = 'user') {
  bodyRuns++;
  return name + ' (' + role + ')';
}
console.log(createUser('ann'));
try {
  createUser();
} catch (e) {
  console.log(e.constructor.name, e.message, '| body runs:', bodyRuns, '|', frames(e).join(' <- '));
}

function laterDefaultThrows(a = 'ok', b = JSON.parse('{not json')) {
  return a + b;
}
try {
  laterDefaultThrows();
} catch (e) {
  console.log(e.constructor.name, frames(e).join(' <- '));
}

function destructureThrows({ deep: { value } }) {
  return value;
}
try {
  destructureThrows({});
} catch (e) {
  console.log(e.constructor.name, frames(e).join(' <- '));
}

var arrow = (x = (() => {
  throw new RangeError('arrow default');
})()) => x;
try {
  arrow();
} catch (e) {
  console.log(e.constructor.name, e.message, frames(e).join(' <- '));
}
console.log('done');
