// Fields use [[DefineOwnProperty]]: they shadow inherited accessors instead of calling setters.
const log = [];
class Base {
  set value(v) {
    log.push(`Base setter called with ${v}`);
  }
  get value() {
    return 'from Base getter';
  }
}
class WithField extends Base {
  value = 'field';
}
class WithAssignment extends Base {
  constructor() {
    super();
    this.value = 'assigned';
  }
}

const f = new WithField();
const a = new WithAssignment();
console.log('field result:', f.value, 'own:', Object.hasOwn(f, 'value'));
console.log('assignment result:', a.value, 'own:', Object.hasOwn(a, 'value'));
console.log('setter log:', log.join('; '));

const desc = Object.getOwnPropertyDescriptor(f, 'value');
console.log('field descriptor:', JSON.stringify(desc));

class FrozenProto {
  constructor() {
    Object.freeze(this);
  }
}
class AfterFreeze extends FrozenProto {
  x = 1;
}
try {
  new AfterFreeze();
} catch (e) {
  console.log('defining field on frozen object:', e.constructor.name);
}

class Uninitialized {
  declared;
}
const u = new Uninitialized();
console.log('declared without initializer:', 'declared' in u, u.declared);
console.log('done');
