// Class bodies are strict: extracted methods lose `this`; static `this` is the class.
class Account {
  static created = 0;
  static create(owner) {
    this.created++;
    return new this(owner);
  }
  constructor(owner) {
    this.owner = owner;
    this.balance = 0;
  }
  deposit(n) {
    if (this === undefined) throw new TypeError('no receiver');
    this.balance += n;
    return this;
  }
  get summary() {
    return `${this.owner}:${this.balance}`;
  }
}

const acc = Account.create('ann');
acc.deposit(5).deposit(7);
console.log(acc.summary, 'created', Account.created);

const { deposit } = acc;
try {
  deposit(1);
} catch (e) {
  console.log('extracted method:', e.constructor.name, e.message);
}

class Sub extends Account {}
const sub = Sub.create('sub');
console.log('static this is subclass:', sub instanceof Sub, Sub.created, Account.created);
console.log('own static counter on Sub:', Object.hasOwn(Sub, 'created'));

const bound = acc.deposit.bind(acc);
bound(100);
console.log('bound:', acc.summary);

const getter = Object.getOwnPropertyDescriptor(Account.prototype, 'summary').get;
console.log('getter called on other:', getter.call({ owner: 'x', balance: 1 }));

const create = Account.create;
try {
  create('nobody');
} catch (e) {
  console.log('detached static:', e.constructor.name);
}
console.log('done');
