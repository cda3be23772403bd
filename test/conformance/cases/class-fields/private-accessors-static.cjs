// Static private members and brand checks with subclasses.
class Base {
  static #secret = 'base-secret';
  static #hidden() {
    return 'hidden:' + this.name;
  }
  static reveal() {
    return this.#secret;
  }
  static callHidden() {
    return this.#hidden();
  }
  static revealViaBase() {
    return Base.#secret + '/' + Base.#hidden();
  }
}
class Sub extends Base {}

console.log('Base.reveal():', Base.reveal());
console.log('Base.callHidden():', Base.callHidden());
['reveal', 'callHidden'].forEach(function (m) {
  try {
    console.log('Sub.' + m + '():', Sub[m]());
  } catch (e) {
    console.log('Sub.' + m + '() throws', e.constructor.name);
  }
});
console.log('via explicit class name works for Sub:', Sub.revealViaBase());

class Instance {
  #v = 1;
  static #counter = 0;
  static make() {
    Instance.#counter++;
    return new Instance();
  }
  static has(o) {
    return #v in o;
  }
  static get count() {
    return Instance.#counter;
  }
}
Instance.make();
Instance.make();
console.log('static private counter:', Instance.count, 'brand:', Instance.has(Instance.make()), Instance.has(Instance));
console.log('done');
