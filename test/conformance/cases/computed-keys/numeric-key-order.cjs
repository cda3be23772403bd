// Integer-like keys are ordered numerically first, then strings in insertion order, then symbols.
var log = [];
function k(x) {
  log.push(String(x));
  return x;
}
var obj = {
  [k('b')]: 'b',
  [k(10)]: 'ten',
  [k('a')]: 'a',
  [k(2)]: 'two',
  [k('1.5')]: 'not an index',
  [k(Symbol.for('s'))]: 'sym',
  [k('-1')]: 'negative',
  [k(0)]: 'zero',
  [k('01')]: 'leading zero',
};
console.log('evaluation order:', log.join(','));
console.log('Object.keys order:', Object.keys(obj).join(','));
console.log('Reflect.ownKeys:', Reflect.ownKeys(obj).map(String).join(','));

class Numbered {
  [k(3)]() {}
  b() {}
  [k(1)]() {}
  a() {}
}
console.log('class prototype order:', Object.getOwnPropertyNames(Numbered.prototype).join(','));

var forIn = [];
for (var key in obj) forIn.push(key);
console.log('for-in order:', forIn.join(','));
console.log('JSON order:', JSON.stringify(obj));
console.log('done');
