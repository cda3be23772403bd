// Derived constructors may run code before super(), but must not touch `this`.
const log = [];
class Base {
  constructor(value) {
    log.push(`Base(${value})`);
    this.value = value;
  }
}

class Derived extends Base {
  constructor(raw) {
    log.push('before super');
    const computed = String(raw).toUpperCase();
    if (computed.length > 3) {
      super(computed.slice(0, 3));
    } else {
      super(computed);
    }
    log.push(`after super, this.value=${this.value}`);
  }
}
new Derived('abcdef');
new Derived('xy');
console.log(log.join(' | '));

class TouchesThis extends Base {
  constructor() {
    try {
      this.early = 1;
    } catch (e) {
      log.length = 0;
      log.push(`${e.constructor.name}: ${e.message}`);
    }
    super('late');
  }
}
const t = new TouchesThis();
console.log(log.join(' | '), '->', t.value, t.early);

class ArrowBeforeSuper extends Base {
  constructor() {
    const getThis = () => this;
    let first;
    try {
      getThis();
    } catch (e) {
      first = e.constructor.name;
    }
    super('arrow');
    console.log('arrow before super:', first, 'after super:', getThis() === this);
  }
}
new ArrowBeforeSuper();

class SuperArgsOrder extends Base {
  constructor() {
    super((log.push('arg evaluated'), 'args'));
  }
}
log.length = 0;
new SuperArgsOrder();
console.log(log.join(' | '));
console.log('done');
