// Error.stackTraceLimit counts frames; preparing functions must not add frames between user frames.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}
function f1() {
  return f2();
}
function f2() {
  return f3();
}
function f3() {
  return f4();
}
function f4() {
  return new Error('deep');
}

var original = Error.stackTraceLimit;
[1, 2, 3, 10].forEach(function (limit) {
  Error.stackTraceLimit = limit;
  var e = f1();
  console.log('limit ' + limit + ': ' + frames(e).join(' <- '));
});
Error.stackTraceLimit = 0;
console.log('limit 0 stack:', JSON.stringify(f1().stack));
Error.stackTraceLimit = original;
console.log('restored limit is a number:', typeof Error.stackTraceLimit);
console.log('done');
