// Exports a hoisted function *before* requiring its cyclic partner.
exports.format = format;
exports.ready = false;
var b = require('./_cjs-cycle2-b.cjs');
exports.ready = true;
exports.run = function () {
  return b.useFormat('called after both loaded');
};
function format(s) {
  return '[' + s + ']';
}
