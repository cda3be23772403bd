// Self-replacing lazy getters: computed once, then cached as a data property.
var computeCount = 0;
var config = {
  get expensive() {
    computeCount++;
    var value = [1, 2, 3].map(function (x) { return x * x; }).join('-');
    Object.defineProperty(this, 'expensive', { value: value, writable: false, enumerable: true });
    return value;
  },
};
console.log(config.expensive, config.expensive, config.expensive, 'computed', computeCount, 'times');
console.log('now a data property:', 'value' in Object.getOwnPropertyDescriptor(config, 'expensive'));

function lazy(obj, name, fn) {
  Object.defineProperty(obj, name, {
    configurable: true,
    get: function () {
      var v = fn.call(this);
      Object.defineProperty(this, name, { value: v });
      return v;
    },
  });
}
var Proto = {};
var calls = 0;
lazy(Proto, 'id', function () {
  calls++;
  return 'id-' + calls;
});
var x = Object.create(Proto);
var y = Object.create(Proto);
console.log('per-instance caching via prototype getter:', x.id, x.id, y.id, y.id, 'calls', calls);

class Memo {
  get data() {
    var v = { created: ++Memo.made };
    Object.defineProperty(this, 'data', { value: v });
    return v;
  }
}
Memo.made = 0;
var m = new Memo();
console.log('class lazy getter:', m.data === m.data, Memo.made);
console.log('done');
