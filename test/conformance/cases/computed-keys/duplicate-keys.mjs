// Duplicate computed keys: the last definition wins but the property keeps its first position.
const log = [];
const k = (name) => {
  log.push(name);
  return name;
};
const obj = {
  [k('a')]: 1,
  [k('b')]: 2,
  [k('a')]: 3,
  c: 4,
  [k('b')]() {
    return 'method replaced data';
  },
};
console.log('keys:', Object.keys(obj).join(','), 'a =', obj.a, 'b() =', obj.b());
console.log('evaluations:', log.join(','));

class Dup {
  [k('x')]() {
    return 'first x';
  }
  [k('x')]() {
    return 'second x';
  }
  get [k('y')]() {
    return 'getter y';
  }
  [k('y')]() {
    return 'method y replaces getter';
  }
}
const d = new Dup();
console.log('class duplicates:', d.x(), '|', d.y(), '|', typeof Object.getOwnPropertyDescriptor(Dup.prototype, 'y').get);
console.log('prototype keys:', Object.getOwnPropertyNames(Dup.prototype).join(','));
console.log('done');
