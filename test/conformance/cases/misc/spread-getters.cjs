// Object spread and Object.assign invoke getters once and copy plain data properties.
var calls = 0;
var source = {
  plain: 1,
  get computed() {
    calls++;
    return 'computed #' + calls;
  },
  set onlySetter(v) {},
  [Symbol('sym')]: 'symbol value',
};
Object.defineProperty(source, 'hidden', { value: 'non-enumerable', enumerable: false });

var spread = { ...source };
console.log('spread keys:', Object.keys(spread).join(','), '| getter calls:', calls);
console.log('copied value, not accessor:', JSON.stringify(Object.getOwnPropertyDescriptor(spread, 'computed')));
console.log('setter-only becomes undefined data:', 'onlySetter' in spread, spread.onlySetter);
console.log('symbols copied:', Object.getOwnPropertySymbols(spread).length, '| non-enumerable skipped:', 'hidden' in spread);

var assigned = Object.assign({}, source);
console.log('Object.assign getter calls:', calls, assigned.computed);

var target = {
  set plain(v) {
    this._plain = 'setter saw ' + v;
  },
};
Object.assign(target, { plain: 42 });
console.log('Object.assign triggers target setters:', target._plain);
var spreadIntoSetter = { ...target, ...{ plain: 43 } };
console.log('spread defines instead:', spreadIntoSetter.plain, spreadIntoSetter._plain);

class Model {
  #secret = 's';
  visible = 'v';
  get derived() {
    return 'from prototype getter';
  }
}
console.log('class instance spread:', JSON.stringify({ ...new Model() }));

var order = [];
var o1 = { get a() { order.push('o1.a'); return 1; }, get b() { order.push('o1.b'); return 2; } };
var o2 = { get b() { order.push('o2.b'); return 3; } };
var merged = { ...o1, ...o2 };
console.log('merge order:', order.join(','), JSON.stringify(merged));
console.log('done');
