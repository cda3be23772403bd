'use strict';
// CRLF line endings in a strict CommonJS file, with errors thrown from nested functions.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}

function outer(n) {
  return middle(n * 2);
}

function middle(n) {
  var list = [n, n + 1];
  return list.map(function (x) {
    if (x > 5) {
      throw new RangeError('too big: ' + x);
    }
    return x;
  });
}

[1, 3].forEach(function (n) {
  try {
    console.log('ok:', outer(n).join(','));
  } catch (e) {
    console.log(e.constructor.name + ': ' + e.message + ' | ' + frames(e).join(' <- '));
  }
});
console.log('done');
