#!/usr/bin/env node
// Hashbang first line, multi-line signatures, one-line functions and several functions per line.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}

function multiLineSignature(
  first,
  second = (function () {
    throw new TypeError('default of second failed');
  })(),
  third
) {
  return first + second + third;
}

function oneLiner() { throw new Error('one-liner'); }
function a() { return b(); } function b() { return c(); } function c() { throw new Error('same line'); }
var arrowOneLine = (x) => { if (x) throw new RangeError('arrow one line'); return x; };
var obj = { m() { return this.n(); }, n() { throw new Error('method chain on one line'); } };

function
  weirdlyFormatted
  (
  )
{
  throw new Error('weird formatting');
}

[
  function () { return multiLineSignature(1); },
  oneLiner,
  a,
  function () { return arrowOneLine(1); },
  function () { return obj.m(); },
  weirdlyFormatted,
].forEach(function (fn) {
  try {
    fn();
  } catch (e) {
    console.log(e.constructor.name + ' ' + e.message + ': ' + frames(e).join(' <- '));
  }
});
console.log('done');
