// `super.x = v` assigns on `this` (the receiver), invoking setters found on the parent prototype.
class Base {
  set tracked(v) {
    this._tracked = 'base setter saw ' + v;
  }
  get tracked() {
    return this._tracked;
  }
}
class Derived extends Base {
  assign() {
    super.tracked = 'via super';
    super.plain = 'plain via super';
    return [this.tracked, this.plain, Object.prototype.hasOwnProperty.call(Derived.prototype, 'plain')];
  }
  compound() {
    this.n = 1;
    super.n += 5;
    return this.n;
  }
  increment() {
    this.k = 0;
    super.k++;
    ++super.k;
    return this.k;
  }
}
var d = new Derived();
console.log(d.assign().join(' | '));
console.log('compound assignment reads parent (undefined):', d.compound());
Base.prototype.n = 10;
Base.prototype.k = 100;
console.log('compound assignment reads parent n=10, writes this:', d.compound(), Base.prototype.n);
console.log('increments read parent each time:', d.increment(), Base.prototype.k);

var frozenProto = Object.freeze({ x: 1 });
var o = {
  __proto__: frozenProto,
  tryWrite() {
    'use strict';
    try {
      super.x = 2;
      return 'wrote own x=' + this.x;
    } catch (e) {
      return e.constructor.name;
    }
  },
};
console.log('non-writable inherited x:', o.tryWrite());
console.log('done');
