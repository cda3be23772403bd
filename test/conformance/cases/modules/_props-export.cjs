exports.anonymousFn = function () {
  return 'anonymous via exports.x = function';
};
exports.namedFn = function namedInside() {
  return 'named function expression';
};
exports.arrowFn = () => 'arrow via exports';
module.exports.viaModule = function () {
  return this === exports ? 'this is exports' : 'this is something else';
};
exports.usesOther = function () {
  return exports.arrowFn() + ' (called through exports)';
};
function declaredThenExported(x) {
  return 'declared ' + x;
}
exports.declaredThenExported = declaredThenExported;
var obj = { literalMethod() { return 'literal method'; } };
exports.literalMethod = obj.literalMethod;
