// Object and array destructuring parameters with defaults at every level.
var log = [];
function d(label, value) {
  log.push(label);
  return value;
}

function configure({ host = d('host', 'localhost'), port = d('port', 80), tls: { enabled = false, cert } = {} } = {}) {
  return host + ':' + port + ' tls=' + enabled + ' cert=' + cert;
}
console.log(configure());
console.log(configure({ host: 'example', tls: { enabled: true, cert: 'c.pem' } }));
console.log(configure({ port: 8080, tls: undefined }));
console.log('default evaluations:', log.join(','));

function pair([a = 'A', b = 'B'] = [], ...extra) {
  return a + b + (extra.length ? '+' + extra.join('') : '');
}
console.log(pair(), pair(['x']), pair([undefined, 'y']), pair('pq', 1, 2));

function holes([, second, , fourth = 'd4'] = []) {
  return second + '/' + fourth;
}
console.log('holes:', holes([1, 2, 3]), holes([1, 2, 3, 4]));

function rename({ a: first, b: { c: deep } = { c: 'default-deep' } }) {
  return first + ',' + deep;
}
console.log('rename + nested default:', rename({ a: 1 }), rename({ a: 1, b: { c: 2 } }));

function computedKey(key, { [key]: value = 'missing' }) {
  return key + '=' + value;
}
console.log('computed key in param pattern:', computedKey('x', { x: 1 }), computedKey('y', {}));

function restObject({ a, ...others }) {
  return a + ' + ' + JSON.stringify(others);
}
console.log('object rest:', restObject({ a: 1, b: 2, c: 3 }));

function fromIterable([a, b]) {
  return a + b;
}
console.log('array pattern consumes any iterable:', fromIterable(new Set(['s', 't'])), fromIterable('uv'));
console.log('done');
