// Getter/setter pairs through multi-level inheritance, with super and validation layers.
class Field {
  #value;
  get value() {
    return this.#value;
  }
  set value(v) {
    this.#value = v;
  }
}
class TrimmedField extends Field {
  set value(v) {
    super.value = String(v).trim();
  }
  get value() {
    return super.value;
  }
}
class UpperField extends TrimmedField {
  set value(v) {
    super.value = String(v).toUpperCase();
  }
  get value() {
    return `<${super.value}>`;
  }
}
class ReadOnlyField extends UpperField {
  get value() {
    return `readonly ${super.value}`;
  }
}

const f = new UpperField();
f.value = '  hello  ';
console.log('chained setters:', f.value);

const r = new ReadOnlyField();
try {
  r.value = 'x';
  console.log('assigned?!');
} catch (e) {
  console.log('getter-only override blocks inherited setter:', e.constructor.name);
}
console.log('read:', r.value);

const desc = (C) => {
  const d = Object.getOwnPropertyDescriptor(C.prototype, 'value');
  return `${C.name}: get=${typeof d.get} set=${typeof d.set}`;
};
console.log([Field, TrimmedField, UpperField, ReadOnlyField].map(desc).join(' | '));

const base = {
  _x: 0,
  get x() {
    return this._x;
  },
  set x(v) {
    this._x = v * 2;
  },
};
const child = { __proto__: base };
child.x = 5;
console.log('inherited setter writes own _x:', child.x, child._x, base._x, Object.keys(child).join(','));
console.log('done');
