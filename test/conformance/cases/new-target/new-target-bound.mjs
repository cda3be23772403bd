// `new` on a bound function forwards the *target* function as new.target.
function Target(tag) {
  this.tag = tag;
  this.nt = new.target === Target ? 'Target' : new.target === undefined ? 'undefined' : 'other';
}
const Bound = Target.bind({ ignored: true }, 'bound-tag');
const t = new Bound();
console.log('new Bound():', t.tag, t.nt);

const Twice = Bound.bind(null);
console.log('new on doubly bound:', new Twice().nt);

class K {
  constructor() {
    this.nt = new.target.name;
  }
}
class SubK extends K {}
const BoundSub = SubK.bind(null);
console.log('bound subclass:', new BoundSub().nt);

const viaReflect = Reflect.construct(K, [], BoundSub);
console.log('bound function as explicit newTarget:', viaReflect.nt, viaReflect instanceof SubK);

const calledBound = Target.bind(null, 'called');
try {
  calledBound();
} catch (e) {
  console.log('called without new (strict module, this is null):', e.constructor.name);
}
console.log('done');
