// Getter/setter pairs across inheritance: overriding only one half hides the other.
class Base {
  #v = 'base';
  get v() {
    return `Base.get(${this.#v})`;
  }
  set v(x) {
    this.#v = x;
  }
}
class OnlyGetter extends Base {
  get v() {
    return `OnlyGetter.get -> ${super.v}`;
  }
}
class OnlySetter extends Base {
  set v(x) {
    super.v = `via OnlySetter(${x})`;
  }
}
class Both extends Base {
  get v() {
    return `Both -> ${super.v}`;
  }
  set v(x) {
    super.v = x.toUpperCase();
  }
}

const g = new OnlyGetter();
try {
  g.v = 'new';
} catch (e) {
  console.log('OnlyGetter assignment:', e.constructor.name);
}
console.log('OnlyGetter read:', g.v);

const s = new OnlySetter();
s.v = 'hello';
console.log('OnlySetter read (no getter in subclass):', s.v);

const b = new Both();
b.v = 'mixed';
console.log('Both:', b.v);

const proto = {
  get full() {
    return `${this.first} ${this.last}`;
  },
  set full(v) {
    [this.first, this.last] = v.split(' ');
  },
};
const person = Object.create(proto);
person.full = 'Ada Lovelace';
console.log('object proto accessors:', person.full, Object.keys(person).join(','));
console.log('done');
