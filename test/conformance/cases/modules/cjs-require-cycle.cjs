// CommonJS require cycles: the second module sees the first module's partially filled exports.
var log = require('./_cjs-cycle-log.cjs');
var a = require('./_cjs-cycle-a.cjs');
log.forEach(function (line) {
  console.log(line);
});
console.log(a.callB());
console.log('same cached instance:', require('./_cjs-cycle-a.cjs') === a);
console.log('done');
