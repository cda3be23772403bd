// A running generator cannot be resumed from inside itself.
let self;
function* reentrant() {
  try {
    self.next();
  } catch (e) {
    yield `${e.constructor.name}: ${e.message}`;
  }
  yield 'continues normally';
}
self = reentrant();
console.log(self.next().value);
console.log(self.next().value);

function* returnsSelf() {
  try {
    self2.return();
  } catch (e) {
    yield `return() while running: ${e.constructor.name}`;
  }
  try {
    self2.throw(new Error('x'));
  } catch (e) {
    yield `throw() while running: ${e.constructor.name}`;
  }
}
const self2 = returnsSelf();
console.log([...self2].join(' | '));

function* nested() {
  const inner = (function* () {
    yield 'inner-1';
    yield 'inner-2';
  })();
  yield inner.next().value;
  yield 'outer';
  yield inner.next().value;
}
console.log('independent generators interleave:', [...nested()].join(','));
console.log('done');
