// super.getter invokes the parent getter with the current `this`.
class Temperature {
  constructor(c) {
    this.celsius = c;
  }
  get display() {
    return `${this.celsius}C`;
  }
  set display(v) {
    this.celsius = parseFloat(v);
  }
}
class Verbose extends Temperature {
  get display() {
    return `temperature is ${super.display}`;
  }
  set display(v) {
    super.display = v.replace('deg', '');
  }
}
const t = new Verbose(20);
console.log(t.display);
t.display = '30deg';
console.log(t.display, t.celsius);

class OnlyGetterOverride extends Temperature {
  get display() {
    return `[${super.display}]`;
  }
}
const o = new OnlyGetterOverride(5);
try {
  o.display = '99';
  console.log('assignment succeeded?!');
} catch (e) {
  console.log('getter-only override hides parent setter:', e.constructor.name);
}
console.log('celsius unchanged:', o.celsius, o.display);

const protoGetter = {
  get who() {
    return `proto sees ${this.id}`;
  },
};
const lit = {
  __proto__: protoGetter,
  id: 'lit',
  get who() {
    return `lit > ${super.who}`;
  },
};
console.log(lit.who);
console.log('done');
