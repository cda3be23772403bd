// super used in default parameter values and in super() argument lists.
const order = [];
class Base {
  constructor(...args) {
    order.push(`Base(${args.join(',')})`);
    this.args = args;
  }
  defaultName() {
    order.push('Base.defaultName');
    return 'from-base';
  }
}
class Derived extends Base {
  constructor(a = (order.push('default a'), 'A')) {
    super(a, (order.push('second arg'), 'B'));
    order.push('body after super');
  }
  greet(name = super.defaultName()) {
    return `hello ${name}`;
  }
}
const d = new Derived();
console.log(order.join(' | '));
order.length = 0;
console.log(d.greet(), '/', d.greet('explicit'), '/', order.join(' | '));

class SpreadArgs extends Base {
  constructor(...rest) {
    super(...rest.map((x) => x * 2), ...'xy');
  }
}
console.log('spread in super():', new SpreadArgs(1, 2).args.join(','));
console.log('done');
