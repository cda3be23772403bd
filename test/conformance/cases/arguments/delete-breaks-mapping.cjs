// Deleting or redefining an index of a mapped arguments object severs the mapping.
function afterDelete(a) {
  delete arguments[0];
  a = 'param changed';
  var r1 = arguments[0];
  arguments[0] = 'index re-added';
  return [a, r1, arguments[0]].map(String).join(' | ');
}
console.log('delete:', afterDelete('orig'));

function defineValue(a) {
  Object.defineProperty(arguments, '0', { value: 'defined' });
  var seen = a;
  a = 'param again';
  return [seen, arguments[0]].join(' | ');
}
console.log('defineProperty value:', defineValue('orig'));

function makeReadonly(a) {
  Object.defineProperty(arguments, '0', { writable: false });
  a = 'param after freeze';
  return [a, arguments[0]].join(' | ');
}
console.log('non-writable:', makeReadonly('orig'));

function accessor(a) {
  Object.defineProperty(arguments, '0', {
    get: function () {
      return 'getter';
    },
  });
  a = 'param';
  return [a, arguments[0]].join(' | ');
}
console.log('accessor:', accessor('orig'));

function freezeAll(a, b) {
  Object.freeze(arguments);
  a = 'A';
  b = 'B';
  return [a, b, arguments[0], arguments[1]].join(',');
}
console.log('freeze:', freezeAll('x', 'y'));
console.log('done');
