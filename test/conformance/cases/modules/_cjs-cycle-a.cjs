var log = require('./_cjs-cycle-log.cjs');
log.push('a: start');
exports.early = 'a.early (set before requiring b)';
exports.hoistedFn = hoistedFn;
var b = require('./_cjs-cycle-b.cjs');
log.push('a: got b.done = ' + b.done);
exports.late = 'a.late';
exports.done = true;
function hoistedFn(from) {
  return 'a.hoistedFn called from ' + from;
}
exports.callB = function () {
  return b.describeA();
};
log.push('a: end');
