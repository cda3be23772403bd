// Methods and properties named get, set, static, async, await, yield, new, class, constructor-like words.
class Weird {
  get() {
    return 'method named get';
  }
  set(v) {
    return `method named set(${v})`;
  }
  static() {
    return 'method named static';
  }
  static static() {
    return 'static method named static';
  }
  async() {
    return 'method named async';
  }
  async async2() {
    return 'async method';
  }
  get get2() {
    return 'getter named get2';
  }
  static async *gen() {
    yield 'static async generator';
  }
  'new'() {
    return 'method named new';
  }
  class() {
    return 'method named class';
  }
  await() {
    return 'method named await';
  }
  yield() {
    return 'method named yield';
  }
}
const w = new Weird();
console.log(w.get(), '|', w.set(1), '|', w.static(), '|', Weird.static());
console.log(w.async(), '|', await w.async2(), '|', w.get2, '|', (await Weird.gen().next()).value);
console.log(w.new(), '|', w.class(), '|', w.await(), '|', w.yield());
console.log('names:', [w.get, w.set, w.static, Weird.static, w.async, w.new, w.class].map((f) => f.name).join(','));

const lit = {
  get: 1,
  set: 2,
  async: 3,
  static: 4,
  get get() {
    return 'getter named get overrides data property';
  },
  async *async() {
    yield 'async generator named async';
  },
  of() {
    return 'of';
  },
  let() {
    return 'let';
  },
};
console.log(lit.get, '|', (await lit.async().next()).value, '|', lit.set, lit.static, lit.of(), lit.let());
console.log('done');
