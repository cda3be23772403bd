var a = require('./_cjs-cycle2-a.cjs');
var duringLoad = a.format('called during the cycle, ready=' + a.ready);
exports.duringLoad = duringLoad;
exports.useFormat = function (s) {
  return a.format(s) + ' ready=' + a.ready;
};
