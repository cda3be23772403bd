// Accessors created with Object.defineProperty / defineProperties / legacy __defineGetter__.
var store = {};
var hits = [];
Object.defineProperty(store, 'value', {
  get: function () {
    hits.push('get');
    return this._v;
  },
  set: function (v) {
    hits.push('set');
    this._v = v * 2;
  },
  enumerable: false,
  configurable: true,
});
store.value = 21;
console.log('value:', store.value, 'keys:', Object.keys(store).join(','), 'hits:', hits.join(','));

Object.defineProperties(store, {
  upper: {
    get() {
      return String(this._v).toUpperCase() + '!';
    },
    enumerable: true,
  },
  reset: {
    set: (v) => {
      store._v = v;
    },
  },
});
store.reset = 'abc';
console.log('upper:', store.upper, 'reset read:', store.reset);

var legacy = {};
legacy.__defineGetter__('g', function () {
  return 'legacy getter, this ok: ' + (this === legacy);
});
legacy.__defineSetter__('s', function (v) {
  this.sv = v;
});
legacy.s = 'legacy setter value';
console.log(legacy.g, '|', legacy.sv);
console.log('lookup:', typeof legacy.__lookupGetter__('g'), typeof legacy.__lookupSetter__('g'));

var d = Object.getOwnPropertyDescriptor(store, 'upper');
console.log('anonymous accessor names:', JSON.stringify(d.get.name), JSON.stringify(Object.getOwnPropertyDescriptor(store, 'value').get.name));

try {
  Object.defineProperty({}, 'bad', { get: function () {}, value: 1 });
} catch (e) {
  console.log('mixing get and value:', e.constructor.name);
}
console.log('done');
