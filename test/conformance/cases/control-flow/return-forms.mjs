// Unusual return expressions: sequences, `in`, arrows, classes, yields, awaits, templates, regex.
function returnSequence() {
  let x = 0;
  return x++, x++, x;
}
function returnIn() {
  return 'a' in { a: 1 };
}
function returnArrow() {
  return (n) => n * 2;
}
function returnClass() {
  return class Returned {
    hi() {
      return 'hi from returned class';
    }
  };
}
function returnTemplate(name) {
  return `template ${name}`;
}
function returnRegex() {
  return /ab+c/g.test('xabbbc');
}
function returnTernaryChain(n) {
  return n < 0 ? 'neg' : n === 0 ? 'zero' : n < 10 ? 'small' : 'large';
}
function returnAssignment() {
  let v;
  return (v = 'assigned'), v.toUpperCase();
}
function returnObjectLiteral() {
  return { key: 'object literal without parens is fine after return' };
}
function returnFunctionCallResult() {
  return [3, 1, 2].sort().join('');
}
function returnVoid() {
  return void 0;
}
function returnTypeof() {
  return typeof undeclaredThing;
}
function returnNew() {
  return new Map([['k', 'v']]).get('k');
}
function* returnYield() {
  return yield 'yielded';
}
async function returnAwait() {
  return await Promise.resolve('awaited');
}
function returnLogical(a, b) {
  return a && b || 'fallback';
}
function returnNegatedCall() {
  return !returnIn();
}
function returnSpreadArray(...xs) {
  return [...xs, ...'ab'];
}

console.log(returnSequence(), returnIn(), returnArrow()(21), new (returnClass())().hi());
console.log(returnTemplate('t'), returnRegex(), [-1, 0, 5, 50].map(returnTernaryChain).join(','));
console.log(returnAssignment(), '|', returnObjectLiteral().key, '|', returnFunctionCallResult());
console.log(returnVoid(), returnTypeof(), returnNew());
const g = returnYield();
console.log(JSON.stringify(g.next()), JSON.stringify(g.next('sent back')));
console.log(await returnAwait(), returnLogical(1, 0), returnLogical(1, 2), returnNegatedCall());
console.log(returnSpreadArray(1, 2).join(','));
console.log('done');
