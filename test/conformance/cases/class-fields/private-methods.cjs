// Private methods, accessors, and static private members (in a sloppy CJS file; class code is strict).
class Temperature {
  #celsius = 0;
  static #instances = 0;

  constructor(c) {
    this.#celsius = c;
    Temperature.#instances++;
  }
  #toF() {
    return this.#celsius * 9 / 5 + 32;
  }
  get #label() {
    return this.#celsius + 'C';
  }
  set #label(v) {
    this.#celsius = parseInt(v, 10);
  }
  static #format(t) {
    return t.#label + '/' + t.#toF() + 'F';
  }
  describe() {
    return Temperature.#format(this);
  }
  relabel(v) {
    this.#label = v;
    return this;
  }
  methodIdentity(other) {
    return this.#toF === other.#toF;
  }
  static count() {
    return Temperature.#instances;
  }
}

var t = new Temperature(100);
console.log(t.describe());
console.log(t.relabel('25C').describe());
console.log('private methods shared across instances:', t.methodIdentity(new Temperature(0)));
console.log('static private counter:', Temperature.count());

class ReadOnly {
  get #only() {
    return 1;
  }
  tryWrite() {
    try {
      this.#only = 2;
    } catch (e) {
      return e.constructor.name;
    }
  }
  #method() {}
  tryAssignMethod() {
    try {
      this.#method = function () {};
    } catch (e) {
      return e.constructor.name;
    }
  }
}
console.log('write to getter-only private:', new ReadOnly().tryWrite());
console.log('assign to private method:', new ReadOnly().tryAssignMethod());
console.log('done');
