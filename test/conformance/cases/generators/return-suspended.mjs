// return() on a suspended generator runs finally blocks; a yield in finally can suspend it again.
const log = [];
function* resource() {
  log.push('open');
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    log.push('cleanup');
  }
  log.push('unreachable after return');
}

const it = resource();
console.log(JSON.stringify(it.next()));
console.log('return(42):', JSON.stringify(it.return(42)));
console.log('after return:', JSON.stringify(it.next()));
console.log(log.join(','));

function* yieldingFinally() {
  try {
    yield 'a';
  } finally {
    yield 'from finally';
    log.push('finally done');
  }
}
log.length = 0;
const y = yieldingFinally();
y.next();
console.log('return while finally yields:', JSON.stringify(y.return('R')));
console.log('next completes return:', JSON.stringify(y.next()));
console.log(log.join(','));

function* overriding() {
  try {
    yield 1;
  } finally {
    return 'finally wins';
  }
}
const o = overriding();
o.next();
console.log('return overridden by finally:', JSON.stringify(o.return('ignored')));

function* notStarted() {
  log.push('never runs');
  yield 1;
}
log.length = 0;
const ns = notStarted();
console.log('return before start:', JSON.stringify(ns.return('early')), 'body ran:', log.length > 0);
console.log('done');
