// Arrow functions capture `this` lexically; call/apply/bind cannot change it.
const outer = {
  tag: 'outer',
  makeArrow() {
    return () => this.tag;
  },
  makeNested() {
    return () => () => () => this.tag;
  },
  makeFunction() {
    return function () {
      return this === undefined ? 'undefined' : this.tag;
    };
  },
};

const arrow = outer.makeArrow();
console.log('arrow:', arrow());
console.log('arrow.call:', arrow.call({ tag: 'other' }));
console.log('arrow.apply:', arrow.apply({ tag: 'other' }, []));
console.log('arrow.bind:', arrow.bind({ tag: 'other' })());
console.log('nested arrows:', outer.makeNested()()()());

const fn = outer.makeFunction();
console.log('plain function detached:', fn());
console.log('plain function call:', fn.call({ tag: 'called' }));

const arrowFromOther = outer.makeArrow.call({ tag: 'rebound-at-creation' });
console.log('receiver at creation wins:', arrowFromOther());

const topArrow = () => this;
console.log('module-level arrow this:', topArrow());

class Timer {
  constructor(label) {
    this.label = label;
    this.ticks = [];
  }
  run(values) {
    values.forEach((v) => this.ticks.push(`${this.label}:${v}`));
    return this.ticks;
  }
}
console.log(new Timer('t').run([1, 2, 3]).join(','));

const holder = { v: 1, get arrowGetter() { return (() => this.v)(); } };
console.log('arrow inside getter:', holder.arrowGetter);
console.log('done');
