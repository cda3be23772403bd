// Private names are lexically scoped: nested functions, arrows and inner classes can use them.
class Outer {
  #secret = 'outer-secret';
  static #count = 0;
  makeReader() {
    return function read(o) {
      return o.#secret;
    };
  }
  makeInner() {
    const outer = this;
    return new (class Inner {
      #secret = 'inner-secret';
      readBoth() {
        return [this.#secret, 'inner class shadows name'];
      }
      readOuterViaMethod() {
        return outer.readOwn();
      }
    })();
  }
  readOwn() {
    return this.#secret;
  }
  static bump() {
    return [1, 2, 3].map(() => ++Outer.#count);
  }
}
const o = new Outer();
console.log('nested function:', o.makeReader()(o));
const inner = o.makeInner();
console.log('inner class:', inner.readBoth().join(' / '));
console.log('inner reaching outer through method:', inner.readOuterViaMethod());
console.log('static private in arrows:', Outer.bump().join(','));
try {
  o.makeReader()(inner);
} catch (e) {
  console.log('reading outer #secret from inner instance:', e.constructor.name);
}
console.log('done');
