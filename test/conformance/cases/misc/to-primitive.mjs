// Symbol.toPrimitive receives hints: "number", "string", or "default".
const log = [];
const money = {
  amount: 42,
  currency: 'EUR',
  [Symbol.toPrimitive](hint) {
    log.push(hint);
    if (hint === 'number') return this.amount;
    if (hint === 'string') return `${this.amount} ${this.currency}`;
    return `${this.amount}${this.currency}`;
  },
};
const results = [
  +money,
  `${money}`,
  money + '',
  money * 2,
  String(money),
  money == '42EUR',
  money > 10,
  [money].join(),
  Number(money),
];
console.log(results.join(' | '));
console.log('hints:', log.join(','));

class Temperature {
  constructor(c) {
    this.c = c;
  }
  [Symbol.toPrimitive](hint) {
    return hint === 'string' ? `${this.c}°C` : this.c;
  }
}
const t1 = new Temperature(20);
const t2 = new Temperature(5);
console.log('arithmetic:', t1 - t2, t1 + t2, 'compare:', t1 > t2, 'template:', `${t1}`);

const returnsObject = { [Symbol.toPrimitive]: () => ({}) };
try {
  `${returnsObject}`;
} catch (e) {
  console.log('toPrimitive returning object:', e.constructor.name);
}
const notCallable = { [Symbol.toPrimitive]: 'nope' };
try {
  +notCallable;
} catch (e) {
  console.log('non-callable toPrimitive:', e.constructor.name);
}
console.log('done');
