// super in static methods refers to the parent constructor.
class Base {
  static registry = [];
  static create(...args) {
    const inst = new this(...args);
    this.registry.push(inst.constructor.name);
    return inst;
  }
  static describe() {
    return `Base.describe on ${this.name}`;
  }
  static get label() {
    return `label(${this.name})`;
  }
}
class Derived extends Base {
  static create(...args) {
    const inst = super.create(...args);
    inst.decorated = true;
    return inst;
  }
  static describe() {
    return `Derived -> ${super.describe()}`;
  }
  static get label() {
    return `derived ${super.label}`;
  }
  static #secret() {
    return super.describe();
  }
  static reveal() {
    return Derived.#secret();
  }
}

const d = Derived.create();
console.log(d.constructor.name, d.decorated, Base.registry.join(','));
console.log(Derived.describe());
console.log(Derived.label);
console.log('private static using super:', Derived.reveal());

class Further extends Derived {
  static describe() {
    return `Further -> ${super.describe()}`;
  }
}
console.log(Further.describe());
console.log(Further.label);

class StaticField extends Base {
  static inherited = super.describe();
  static {
    this.fromBlock = super.label;
  }
}
console.log('static field with super:', StaticField.inherited);
console.log('static block with super:', StaticField.fromBlock);
console.log('done');
