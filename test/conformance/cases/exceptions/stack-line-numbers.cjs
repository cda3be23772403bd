// Error stacks reduced to basename:line for frames in this file.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}

function a() {
  return b();
}
function b() {
  var x = 1;
  return c(x);
}
function c(x) {
  if (x) {
    throw new Error('thrown in c');
  }
}
try {
  a();
} catch (e) {
  console.log(e.constructor.name, e.message);
  console.log(frames(e).join(' <- '));
}

var obj = {
  method: function () {
    return this.helper();
  },
  helper: function () {
    return undefinedVariable;
  },
};
try {
  obj.method();
} catch (e) {
  console.log(e.constructor.name, e.message);
  console.log(frames(e).join(' <- '));
}

var arrow = () =>
  [1, 2].map(
    (x) => x.toFixed(
      200
    )
  );
try {
  arrow();
} catch (e) {
  console.log(e.constructor.name);
  console.log(frames(e).join(' <- '));
}

function multiLineCall() {
  return JSON.parse(
    '{"unterminated": '
  );
}
try {
  multiLineCall();
} catch (e) {
  console.log(e.constructor.name);
  console.log(frames(e).join(' <- '));
}
console.log('new Error stack at creation site:', frames(new Error('x')).join(' <- '));
console.log('done');
