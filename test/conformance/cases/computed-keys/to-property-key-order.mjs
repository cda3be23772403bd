// ToPropertyKey (toString / Symbol.toPrimitive) on computed keys happens once, right after the key expression.
const log = [];
const keyObj = (name) => ({
  [Symbol.toPrimitive](hint) {
    log.push(`toPrimitive(${hint}) ${name}`);
    return name;
  },
});
const value = (v) => {
  log.push(`value ${v}`);
  return v;
};

const obj = {
  [keyObj('a')]: value(1),
  [keyObj('b')]: value(2),
};
console.log('object literal:', log.join(' | '));
console.log(JSON.stringify(obj));

log.length = 0;
class C {
  [keyObj('m')]() {}
  static [keyObj('s')] = value('static');
  [keyObj('f')] = value('field');
}
console.log('class definition:', log.join(' | '));
log.length = 0;
new C();
console.log('class instance:', log.join(' | '));

log.length = 0;
const legacy = {
  toString() {
    log.push('toString');
    return 'ts';
  },
  valueOf() {
    log.push('valueOf');
    return 'vo';
  },
};
const o2 = { [legacy]: true };
console.log('toString preferred for property keys:', Object.keys(o2).join(','), log.join(','));

log.length = 0;
const target = {};
target[keyObj('assign')] = value('x');
console.log('member assignment order:', log.join(' | '));
console.log('done');
