// Reflect.construct decouples the constructor that runs from new.target.
function Runner(x) {
  this.x = x;
  this.target = new.target ? new.target.name : 'none';
}
function Other() {}
Other.prototype.describe = function () {
  return `Other-proto x=${this.x} target=${this.target}`;
};

const r = Reflect.construct(Runner, [5], Other);
console.log(r.describe());
console.log('instanceof Other:', r instanceof Other, 'instanceof Runner:', r instanceof Runner);

class A {
  constructor() {
    this.nt = new.target.name;
  }
  who() {
    return 'A.who';
  }
}
class B {
  who() {
    return 'B.who';
  }
}
const ab = Reflect.construct(A, [], B);
console.log('class with foreign newTarget:', ab.nt, ab.who());

class Base {
  constructor() {
    this.base = new.target.name;
  }
}
class Derived extends Base {
  constructor() {
    super();
    this.derived = new.target.name;
  }
}
const d = Reflect.construct(Derived, [], Other);
console.log('derived via Reflect.construct:', d.base, d.derived, d instanceof Other);

try {
  Reflect.construct(Runner, [], () => {});
} catch (e) {
  console.log('arrow as newTarget:', e.constructor.name);
}

const bound = Runner.bind(null, 'bound-arg');
const viaBound = Reflect.construct(Runner, ['direct'], bound);
console.log('bound newTarget prototype comes from bound.prototype lookup:', viaBound.target, Object.getPrototypeOf(viaBound) === Object.prototype);
console.log('done');
