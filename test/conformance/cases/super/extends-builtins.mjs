// super() into built-ins and super.method() on built-in prototypes.
class Stack extends Array {
  push(...items) {
    this.pushCalls = (this.pushCalls ?? 0) + 1;
    return super.push(...items);
  }
  peek() {
    return this[this.length - 1];
  }
}
const s = new Stack();
s.push(1);
s.push(2, 3);
console.log('stack:', [...s].join(','), 'peek:', s.peek(), 'push calls:', s.pushCalls, 'length:', s.length);

class DefaultMap extends Map {
  constructor(factory, entries) {
    super(entries);
    this.factory = factory;
  }
  get(key) {
    if (!super.has(key)) super.set(key, this.factory(key));
    return super.get(key);
  }
}
const dm = new DefaultMap((k) => k.length, [['x', 100]]);
console.log('default map:', dm.get('x'), dm.get('hello'), dm.size);

class Upper extends String {
  toString() {
    return super.toString().toUpperCase();
  }
}
console.log('string subclass:', `${new Upper('abc')}`, new Upper('abc').length);

class TrackedPromise extends Promise {
  static made = 0;
  constructor(executor) {
    super(executor);
    TrackedPromise.made++;
  }
}
const v = await TrackedPromise.resolve(5).then((x) => x * 2);
console.log('promise subclass:', v, 'constructed:', TrackedPromise.made);

class MyRegExp extends RegExp {
  exec(str) {
    const m = super.exec(str);
    if (m) m.wrapped = true;
    return m;
  }
}
console.log('regexp subclass via test():', new MyRegExp('b+').test('abbc'), 'abbc'.match(new MyRegExp('b+')).wrapped);
console.log('done');
