// Mutual recursion: declarations, object methods, and a small recursive-descent evaluator.
function isEven(n) {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n) {
  return n === 0 ? false : isEven(n - 1);
}
console.log('isEven(100):', isEven(100), 'isOdd(77):', isOdd(77));

const hofstadter = {
  F(n) {
    return n === 0 ? 1 : n - this.M(this.F(n - 1));
  },
  M(n) {
    return n === 0 ? 0 : n - this.F(this.M(n - 1));
  },
};
console.log('Hofstadter F:', Array.from({ length: 12 }, (_, i) => hofstadter.F(i)).join(','));
console.log('Hofstadter M:', Array.from({ length: 12 }, (_, i) => hofstadter.M(i)).join(','));

function evaluate(src) {
  let pos = 0;
  const peek = () => src[pos];
  function expr() {
    let v = term();
    while (peek() === '+' || peek() === '-') v = src[pos++] === '+' ? v + term() : v - term();
    return v;
  }
  function term() {
    let v = factor();
    while (peek() === '*' || peek() === '/') v = src[pos++] === '*' ? v * factor() : v / factor();
    return v;
  }
  function factor() {
    if (peek() === '(') {
      pos++;
      const v = expr();
      pos++;
      return v;
    }
    if (peek() === '-') {
      pos++;
      return -factor();
    }
    let start = pos;
    while (/[0-9]/.test(peek() ?? '')) pos++;
    return Number(src.slice(start, pos));
  }
  return expr();
}
for (const e of ['1+2*3', '(1+2)*3', '-(4-6)*(2+3)/5', '2*(3+(4-1))*2']) console.log(e, '=', evaluate(e));
console.log('done');
