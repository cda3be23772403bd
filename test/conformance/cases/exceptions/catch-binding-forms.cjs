// Catch binding forms: identifier, destructuring with defaults, and no binding.
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return 'invalid JSON (optional catch binding)';
  }
}
console.log(parse('{"a":1}').a, '|', parse('{'));

function destructureMessage() {
  try {
    throw new RangeError('out of range');
  } catch ({ name, message, missing = 'default-for-missing' }) {
    return name + ': ' + message + ' / ' + missing;
  }
}
console.log(destructureMessage());

function arrayCatch() {
  try {
    throw ['first', 'second', 'third'];
  } catch ([head, ...rest]) {
    return head + ' + ' + rest.length;
  }
}
console.log('array pattern:', arrayCatch());

function nestedPattern() {
  try {
    throw { response: { status: 503, body: { retryAfter: 30 } } };
  } catch ({ response: { status, body: { retryAfter } } }) {
    return status + ' retry in ' + retryAfter;
  }
}
console.log('nested pattern:', nestedPattern());

function catchClosure() {
  var fns = [];
  for (var i = 0; i < 3; i++) {
    try {
      throw i;
    } catch (n) {
      fns.push(function () {
        return n;
      });
    }
  }
  return fns.map(function (f) { return f(); }).join(',');
}
console.log('catch param is a fresh binding per catch:', catchClosure());

function shadowing() {
  var e = 'outer';
  try {
    throw 'inner';
  } catch (e) {
    (function () {
      e = 'reassigned in closure';
    })();
  }
  return e;
}
console.log('catch param shadows outer var:', shadowing());
console.log('done');
