var loads = (globalThis.__cacheCaseLoads = (globalThis.__cacheCaseLoads || 0) + 1);
var items = [];
exports.add = function (x) {
  items.push(x);
  return items.length;
};
exports.items = function () {
  return items.slice();
};
exports.loads = function () {
  return loads;
};
