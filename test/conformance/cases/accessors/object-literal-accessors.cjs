// Getters/setters in object literals (sloppy CJS).
var log = [];
var temp = {
  _c: 0,
  get f() {
    log.push('get f');
    return this._c * 9 / 5 + 32;
  },
  set f(v) {
    log.push('set f ' + v);
    this._c = (v - 32) * 5 / 9;
  },
  get readonly() {
    return 'ro';
  },
  set writeonly(v) {
    this._w = v;
  },
};

temp.f = 212;
console.log('celsius:', temp._c, 'fahrenheit:', temp.f);
temp.readonly = 'ignored in sloppy mode';
console.log('readonly after assignment:', temp.readonly);
temp.writeonly = 'stored';
console.log('writeonly read:', temp.writeonly, temp._w);
console.log('log:', log.join(', '));

console.log('enumerable in literal:', Object.keys(temp).join(','));
var copy = Object.assign({}, temp);
console.log('Object.assign copies values:', JSON.stringify(Object.getOwnPropertyDescriptor(copy, 'f')));

var dup = {
  get x() {
    return 'first getter';
  },
  x: 'data',
  get x() {
    return 'last getter';
  },
};
console.log('later definitions win:', dup.x);

var counter = {
  n: 0,
  get next() {
    return ++this.n;
  },
};
console.log('getter side effects:', counter.next, counter.next, counter.next);
console.log('done');
