// `exports.x = function () {}`: property assignment does not name anonymous functions.
var m = require('./_props-export.cjs');
Object.keys(m).forEach(function (k) {
  console.log(k + ': name=' + JSON.stringify(m[k].name) + ' length=' + m[k].length);
});
console.log(m.anonymousFn());
console.log(m.namedFn());
console.log(m.viaModule());
console.log(m.usesOther());
console.log(m.declaredThenExported('x'));
console.log(m.literalMethod());
var detached = m.viaModule;
console.log('detached call:', detached());
console.log('done');
