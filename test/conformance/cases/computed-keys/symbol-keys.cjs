// Symbol computed keys for methods, accessors and data in literals and classes.
var sId = Symbol('id');
var sAnon = Symbol();
var log = [];

var o = {
  [sId]: 42,
  [Symbol.iterator]: function* () {
    yield 'x';
    yield 'y';
  },
  get [sAnon]() {
    return 'anonymous-symbol getter';
  },
  [Symbol.for('registered')]() {
    return 'registered';
  },
};
console.log('data:', o[sId]);
console.log('iterator:', Array.from(o).join(','));
console.log('anon:', o[sAnon]);
console.log('registered:', o[Symbol.for('registered')]());
console.log('names:', JSON.stringify(o[Symbol.iterator].name), JSON.stringify(Object.getOwnPropertyDescriptor(o, sAnon).get.name), o[Symbol.for('registered')].name);
console.log('keys:', Object.keys(o).length, 'symbols:', Object.getOwnPropertySymbols(o).map(String).join(','));
console.log('Reflect.ownKeys:', Reflect.ownKeys(o).map(String).join(','));

class Tagged {
  static [Symbol.hasInstance](x) {
    log.push('hasInstance');
    return x === 'magic';
  }
  get [Symbol.toStringTag]() {
    return 'TaggedThing';
  }
}
console.log('hasInstance:', 'magic' instanceof Tagged, log.join(','));
console.log('tag:', String(new Tagged()));
console.log('done');
