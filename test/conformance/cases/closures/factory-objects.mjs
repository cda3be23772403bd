// Factory functions returning objects with methods that close over private state.
function createStack(name) {
  const items = [];
  let ops = 0;
  const track = (fn) => (...args) => {
    ops++;
    return fn(...args);
  };
  return Object.freeze({
    name,
    push: track((x) => items.push(x)),
    pop: track(() => items.pop()),
    peek: () => items[items.length - 1],
    get size() {
      return items.length;
    },
    stats() {
      return `${this.name}: size=${this.size} ops=${ops}`;
    },
  });
}
const s1 = createStack('s1');
const s2 = createStack('s2');
s1.push('a');
s1.push('b');
s2.push('z');
s1.pop();
console.log(s1.stats(), '|', s2.stats());
console.log('peek:', s1.peek(), s2.peek());
console.log('state is private:', Object.keys(s1).join(','));

function createBankAccount(initial) {
  let balance = initial;
  const history = [];
  function record(kind, amount) {
    history.push(`${kind}:${amount}`);
  }
  return {
    deposit(amount) {
      balance += amount;
      record('dep', amount);
      return this;
    },
    withdraw(amount) {
      if (amount > balance) throw new RangeError('insufficient funds');
      balance -= amount;
      record('wd', amount);
      return this;
    },
    balance: () => balance,
    history: () => history.slice(),
  };
}
const acct = createBankAccount(10);
acct.deposit(5).withdraw(3);
try {
  acct.withdraw(100);
} catch (e) {
  console.log(e.message);
}
console.log('balance:', acct.balance(), 'history:', acct.history().join(' '));
const { balance } = acct;
console.log('destructured closure method still works:', balance());
console.log('done');
