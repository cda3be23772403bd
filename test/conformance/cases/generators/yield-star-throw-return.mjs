// throw() and return() are forwarded through yield* to the innermost generator.
const log = [];
function* inner() {
  try {
    yield 'i1';
    yield 'i2';
  } catch (e) {
    log.push(`inner caught ${e}`);
    yield 'inner recovered';
  } finally {
    log.push('inner finally');
  }
}
function* outer() {
  try {
    yield* inner();
    yield 'outer after delegation';
  } finally {
    log.push('outer finally');
  }
}

const a = outer();
a.next();
console.log('throw forwarded:', JSON.stringify(a.throw('E1')));
console.log('continue:', JSON.stringify(a.next()), JSON.stringify(a.next()));
console.log(log.join(' | '));

log.length = 0;
const b = outer();
b.next();
console.log('return forwarded:', JSON.stringify(b.return('R')));
console.log(log.join(' | '));

const iterNoThrow = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 'custom', done: false }),
      return: () => {
        log.push('custom return called');
        return { done: true };
      },
    };
  },
};
function* delegatesToCustom() {
  yield* iterNoThrow;
}
log.length = 0;
const c = delegatesToCustom();
c.next();
try {
  c.throw(new Error('no throw method'));
} catch (e) {
  console.log('iterator without throw():', e.constructor.name, '|', log.join(','));
}
console.log('done');
