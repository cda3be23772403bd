// name/length for methods, getters and setters (via getOwnPropertyDescriptor), static and instance.
const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);

const obj = {
  method(a, b) {},
  get prop() {
    return 1;
  },
  set prop(v) {},
  'quoted key'() {},
  42() {},
  arrowProp: (a) => a,
  fnProp: function (a, b, c) {},
  async asyncMethod(x) {},
  *genMethod() {},
};
show('object method', obj.method);
const d = Object.getOwnPropertyDescriptor(obj, 'prop');
show('object getter', d.get);
show('object setter', d.set);
show('string-keyed method', obj['quoted key']);
show('numeric-keyed method', obj[42]);
show('arrow property (literal names it)', obj.arrowProp);
show('function property (literal names it)', obj.fnProp);
show('async method', obj.asyncMethod);
show('generator method', obj.genMethod);

class K {
  constructor(a, b) {}
  instance(x) {}
  static stat(x, y) {}
  get g() {
    return 1;
  }
  static set s(v) {}
  #priv(a) {}
  privRef() {
    return this.#priv;
  }
}
show('class', K);
show('instance method', K.prototype.instance);
show('static method', K.stat);
show('class getter', Object.getOwnPropertyDescriptor(K.prototype, 'g').get);
show('static setter', Object.getOwnPropertyDescriptor(K, 's').set);
show('private method', new K().privRef());
console.log('done');
