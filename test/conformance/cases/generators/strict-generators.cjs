'use strict';
// Generators in a strict CommonJS file: this, arguments and return/throw behaviour.
function* withThis() {
  yield this === undefined ? 'undefined this' : typeof this;
  yield arguments.length;
}
console.log(Array.from(withThis(1, 2, 3)).join(' | '));
console.log(Array.from(withThis.call('str')).join(' | '));

function* unmapped(a) {
  a = 'changed';
  yield arguments[0];
}
console.log('unmapped arguments:', unmapped('orig').next().value);

var log = [];
function* guarded() {
  try {
    yield 'first';
    yield 'second';
  } catch (e) {
    log.push('caught ' + e);
    return 'returned from catch';
  } finally {
    log.push('finally');
  }
}
var g = guarded();
g.next();
console.log(JSON.stringify(g.throw('boom')), log.join(','));

function* fibonacci() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
const firstTen = [];
for (const n of fibonacci()) {
  if (firstTen.length === 10) break;
  firstTen.push(n);
}
console.log('fibonacci:', firstTen.join(','));
console.log('done');
