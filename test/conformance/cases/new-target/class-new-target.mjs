// new.target in class constructors is the most-derived class being constructed.
const log = [];
class Base {
  constructor() {
    log.push(`Base sees ${new.target.name}`);
    this.kind = new.target.name;
    this.isBase = new.target === Base;
  }
}
class Middle extends Base {
  constructor() {
    super();
    log.push(`Middle sees ${new.target.name}`);
  }
}
class Leaf extends Middle {}
class Explicit extends Leaf {
  constructor(...args) {
    log.push(`Explicit before super sees ${new.target.name}`);
    super(...args);
  }
}

for (const C of [Base, Middle, Leaf, Explicit]) {
  log.length = 0;
  const o = new C();
  console.log(`${C.name}: kind=${o.kind} isBase=${o.isBase} | ${log.join('; ')}`);
}

try {
  Base();
} catch (e) {
  console.log('calling class without new:', e.constructor.name, e.message);
}

const Anon = class extends Base {};
console.log('anonymous class expression name:', new Anon().kind);
const Named = class Inner extends Base {};
console.log('named class expression:', new Named().kind);

const prototypeSeen = [];
class Proto {
  constructor() {
    prototypeSeen.push(Object.getPrototypeOf(this) === new.target.prototype);
  }
}
class ProtoSub extends Proto {}
new Proto();
new ProtoSub();
console.log('prototype derived from new.target:', prototypeSeen.join(','));
console.log('done');
