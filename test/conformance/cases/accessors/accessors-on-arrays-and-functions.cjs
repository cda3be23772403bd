// Accessors defined on arrays, functions and prototypes of built-ins.
var arr = [1, 2, 3];
Object.defineProperty(arr, 'last', {
  get: function () {
    return this[this.length - 1];
  },
  set: function (v) {
    this[this.length - 1] = v;
  },
});
arr.last = 30;
console.log('array accessor:', arr.last, arr.join(','), 'keys:', Object.keys(arr).join(','));

function fn() {}
Object.defineProperty(fn, 'calls', {
  get: function () {
    return 'fn getter, this is fn: ' + (this === fn);
  },
});
console.log(fn.calls);

Object.defineProperty(Array.prototype, 'secondItem', {
  configurable: true,
  get: function () {
    return this[1];
  },
});
console.log('prototype accessor on builtin:', [5, 6, 7].secondItem, 'in for-in:', (function () {
  var keys = [];
  for (var k in [9]) keys.push(k);
  return keys.join(',');
})());
delete Array.prototype.secondItem;
console.log('removed:', [5, 6].secondItem);

var indexGetter = {};
Object.defineProperty(indexGetter, '0', { get: function () { return 'zero'; }, enumerable: true });
indexGetter.length = 1;
console.log('array-like with getter index:', Array.from(indexGetter).join(','));
console.log('done');
