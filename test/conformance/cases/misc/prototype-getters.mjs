// Getters defined on prototypes: shared definition, per-instance receiver, shadowing by own props.
class Person {
  constructor(first, last) {
    this.first = first;
    this.last = last;
  }
  get full() {
    return `${this.first} ${this.last}`;
  }
  get initials() {
    return this.full.split(' ').map((s) => s[0]).join('');
  }
}
const a = new Person('Ada', 'Lovelace');
const b = new Person('Alan', 'Turing');
console.log(a.full, a.initials, '|', b.full, b.initials);
console.log('getter lives on prototype:', Object.hasOwn(a, 'full'), Object.hasOwn(Person.prototype, 'full'));

Object.defineProperty(a, 'full', { value: 'own data property', configurable: true });
console.log('own property shadows prototype getter:', a.full, '| initials now:', a.initials);
delete a.full;
console.log('after delete:', a.full);

const proto = {
  get describe() {
    return `${this.kind}#${this.id}`;
  },
};
const objs = [1, 2, 3].map((id) => Object.assign(Object.create(proto), { id, kind: 'item' }));
console.log('shared prototype getter:', objs.map((o) => o.describe).join(' '));

Object.defineProperty(Array.prototype, 'lastItem', {
  configurable: true,
  get() {
    return this[this.length - 1];
  },
});
console.log('getter on Array.prototype:', [1, 2, 3].lastItem, [].lastItem);
delete Array.prototype.lastItem;

const getter = Object.getOwnPropertyDescriptor(Person.prototype, 'full').get;
console.log('calling getter function directly:', getter.call({ first: 'X', last: 'Y' }));
console.log('done');
