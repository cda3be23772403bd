var log = require('./_cjs-cycle-log.cjs');
log.push('b: start');
var a = require('./_cjs-cycle-a.cjs');
var has = function (k) {
  return Object.prototype.hasOwnProperty.call(a, k) ? a[k] : '(not yet set)';
};
log.push('b: sees partial a: early=' + has('early') + ', late=' + has('late') + ', done=' + has('done'));
log.push('b: ' + a.hoistedFn('b during cycle'));
exports.describeA = function () {
  return 'a is complete now: late=' + a.late + ', done=' + a.done;
};
exports.done = true;
log.push('b: end');
