// switch statements with returns, fallthrough, default in the middle, and block-scoped cases.
function classify(x) {
  switch (typeof x) {
    case 'number':
      if (Number.isNaN(x)) return 'NaN';
      return x < 0 ? 'negative number' : 'number';
    case 'string':
    case 'symbol':
      return 'string-ish';
    default:
      return `other (${typeof x})`;
    case 'undefined':
      return 'undefined';
  }
}
console.log([1, -1, NaN, 's', Symbol(), undefined, null, {}].map(classify).join(' | '));

function fallthrough(n) {
  const out = [];
  switch (n) {
    case 1:
      out.push('one');
    case 2:
      out.push('two');
      break;
    case 3:
      out.push('three');
    default:
      out.push('default');
    case 4:
      out.push('four');
  }
  return out.join('+');
}
console.log([1, 2, 3, 4, 5].map(fallthrough).join(' | '));

function caseExpressions(v) {
  const log = [];
  const c = (x) => (log.push(`eval ${x}`), x);
  switch (v) {
    case c(1):
      return `matched 1 after ${log.join(',')}`;
    case c(2):
      return `matched 2 after ${log.join(',')}`;
    default:
      return `default after ${log.join(',')}`;
  }
}
console.log(caseExpressions(2), '|', caseExpressions(9));

function switchTrue(score) {
  switch (true) {
    case score >= 90:
      return 'A';
    case score >= 80:
      return 'B';
    default:
      return 'C';
  }
}
console.log('switch(true):', [95, 85, 10].map(switchTrue).join(''));

function noMatchNoDefault(x) {
  switch (x) {
    case 1:
      return 'one';
  }
}
console.log('no match returns undefined:', noMatchNoDefault(2));
console.log('done');
