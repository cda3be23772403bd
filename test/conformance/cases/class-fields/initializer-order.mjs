// Field initializers run in declaration order, after super() returns, before the constructor body continues.
const log = [];
const note = (msg, value) => {
  log.push(msg);
  return value;
};

class Base {
  baseField = note('Base field', 'b');
  constructor() {
    note('Base constructor body');
    this.seenFromBase = typeof this.derivedField;
  }
}
class Derived extends Base {
  derivedField = note('Derived field 1', 1);
  second = note(`Derived field 2 (sees first=${this.derivedField})`, 2);
  constructor() {
    note('Derived constructor before super');
    super();
    note(`Derived constructor after super (second=${this.second})`);
  }
  third = note('Derived field 3', 3);
}

const d = new Derived();
console.log(log.join('\n'));
console.log('Base constructor saw derived field as:', d.seenFromBase);
console.log('own keys in order:', Object.keys(d).join(','));

log.length = 0;
class NoCtor {
  a = note('a', 1);
  static s = note('static s', 0);
  b = note('b', this.a + 1);
}
console.log('at class definition:', log.join(','));
log.length = 0;
new NoCtor();
new NoCtor();
console.log('per instance:', log.join(','));
console.log('done');
