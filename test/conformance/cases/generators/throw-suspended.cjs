// throw() resumes the generator with an exception at the yield point.
function* guarded() {
  var caught = [];
  while (true) {
    try {
      var v = yield caught.length;
      caught.push('value ' + v);
    } catch (e) {
      caught.push('caught ' + e.message);
      if (e.message === 'stop') return caught.join(', ');
    }
  }
}
var g = guarded();
g.next();
g.next('a');
console.log(JSON.stringify(g.throw(new Error('first'))));
g.next('b');
console.log(JSON.stringify(g.throw(new Error('stop'))));

function* unguarded() {
  yield 1;
  yield 2;
}
var u = unguarded();
u.next();
try {
  u.throw(new TypeError('not caught inside'));
} catch (e) {
  console.log('propagates to caller:', e.constructor.name, e.message);
}
console.log('generator is closed:', JSON.stringify(u.next()));

var fresh = unguarded();
try {
  fresh.throw(new Error('before start'));
} catch (e) {
  console.log('throw before start propagates immediately:', e.message, JSON.stringify(fresh.next()));
}

function* withFinally() {
  try {
    yield 'x';
  } finally {
    console.log('finally runs on throw()');
  }
}
var wf = withFinally();
wf.next();
try {
  wf.throw('string reason');
} catch (e) {
  console.log('caught non-error:', typeof e, e);
}
console.log('done');
