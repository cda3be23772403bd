// CommonJS code loading an ES module with dynamic import().
function loadAndUse() {
  return import('./_esm-for-cjs.mjs').then(function (ns) {
    return [ns.fromEsm('hi'), ns.default.create().kind(), ns.default.name, Object.keys(ns).join(',')];
  });
}
var seen = [];
seen.push('before import resolves');
loadAndUse()
  .then(function (results) {
    seen.push('after import resolves');
    results.forEach(function (r) {
      console.log(r);
    });
    return Promise.all([import('./_esm-for-cjs.mjs'), import('./_esm-for-cjs.mjs')]);
  })
  .then(function (pair) {
    console.log('same namespace twice:', pair[0] === pair[1]);
    console.log(seen.join(' -> '));
    console.log('done');
  });
