// Arrow functions returning object literals need parentheses; braces alone form a block.
var makePoint = (x, y) => ({ x: x, y: y });
var blockNotObject = () => {
  a: 1;
};
var labeledLooking = () => {
  label: 'value';
};
var nested = (n) => ({ outer: { inner: { n } } });
var withMethod = (name) => ({
  name,
  greet() {
    return 'hi ' + this.name;
  },
  get upper() {
    return name.toUpperCase();
  },
});
var computed = (k, v) => ({ [k]: v, ['_' + k]: typeof v });
var spread = (o) => ({ ...o, extra: true });
var arrayLiteral = () => [{ a: 1 }, { b: 2 }];
var emptyObject = () => ({});

console.log(JSON.stringify(makePoint(1, 2)));
console.log('block returns:', blockNotObject(), labeledLooking());
console.log(JSON.stringify(nested(5)));
var w = withMethod('ann');
console.log(w.greet(), w.upper);
console.log(JSON.stringify(computed('k', 42)));
console.log(JSON.stringify(spread({ a: 1 })));
console.log(JSON.stringify(arrayLiteral()));
console.log(JSON.stringify(emptyObject()), typeof emptyObject());
var mapped = [1, 2].map((n) => ({ n: n, sq: n * n }));
console.log(JSON.stringify(mapped));
var conditional = (flag) => (flag ? { yes: true } : { no: true });
console.log(JSON.stringify(conditional(true)), JSON.stringify(conditional(false)));
console.log('done');
