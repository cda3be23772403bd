// JSON.stringify calls toJSON (with the key) and replacer functions (with this = holder).
var log = [];
var item = {
  id: 7,
  secret: 'hide me',
  toJSON: function (key) {
    log.push('toJSON key=' + JSON.stringify(key));
    return { id: this.id, kind: 'item' };
  },
};
console.log(JSON.stringify({ first: item, list: [item] }));
console.log('toJSON calls:', log.join(', '));

log.length = 0;
var replacerOut = JSON.stringify({ a: 1, b: 'two', nested: { c: 3, d: [4, 5] } }, function (key, value) {
  log.push((key === '' ? '(root)' : key) + ' in ' + (Array.isArray(this) ? 'array' : typeof this));
  if (typeof value === 'number') return value * 10;
  return value;
});
console.log(replacerOut);
console.log('replacer visits:', log.join(', '));

console.log('array replacer:', JSON.stringify({ a: 1, b: 2, c: { a: 3, z: 4 } }, ['a', 'c']));
console.log('indent:', JSON.stringify({ k: [1] }, null, 2).split('\n').length, 'lines');

class Money {
  constructor(c) {
    this.cents = c;
  }
  toJSON() {
    return (this.cents / 100).toFixed(2);
  }
}
console.log('class toJSON:', JSON.stringify({ price: new Money(1999) }));
console.log('toJSON on prototype chain:', JSON.stringify(Object.create({ toJSON: function () { return 'from proto'; } })));
console.log('functions and undefined skipped:', JSON.stringify({ f: function () {}, u: undefined, s: Symbol('x'), arr: [function () {}, undefined] }));

var revived = JSON.parse('{"a":1,"b":{"c":2}}', function (key, value) {
  return typeof value === 'number' ? value + 100 : value;
});
console.log('reviver:', JSON.stringify(revived));
console.log('done');
