// Anonymous functions and classes assigned to fields take the field's name.
const sym = Symbol('symField');
class Names {
  fn = function () {};
  arrow = () => {};
  klass = class {};
  named = function realName() {};
  #priv = function () {};
  [sym] = () => {};
  ['comp' + 'uted'] = () => {};
  static sfn = function () {};
  static #spriv = () => {};
  privName() {
    return this.#priv.name;
  }
  static sprivName() {
    return Names.#spriv.name;
  }
}
const n = new Names();
console.log('fn:', n.fn.name);
console.log('arrow:', n.arrow.name);
console.log('class:', n.klass.name);
console.log('named expression keeps own name:', n.named.name);
console.log('private:', n.privName());
console.log('symbol:', n[sym].name);
console.log('computed:', n.computed.name);
console.log('static:', Names.sfn.name);
console.log('static private:', Names.sprivName());
console.log('done');
