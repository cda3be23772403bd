// length counts parameters before the first default or rest parameter.
function show(label, fn) {
  console.log(label + ': length=' + fn.length);
}
show('(a, b, c)', function (a, b, c) {});
show('(a, b = 1, c)', function (a, b = 1, c) {});
show('(a = 1, b, c)', function (a = 1, b, c) {});
show('(a, b, ...rest)', function (a, b, ...rest) {});
show('(...rest)', function (...rest) {});
show('({ a, b }, [c, d])', function ({ a, b }, [c, d]) {});
show('({ a } = {}, b)', function ({ a } = {}, b) {});
show('(a, { b } = {})', function (a, { b } = {}) {});
show('arrow (a, b = 2)', (a, b = 2) => {});
show('arrow (...xs)', (...xs) => {});
show('arrow single param x', (x) => x);
show('(a, b = undefined)', function (a, b = undefined) {});
show('(a, b, c = a, d)', function (a, b, c = a, d) {});
show('async (a, b)', async function (a, b) {});
show('generator (a, b = 1)', function* (a, b = 1) {});
show('async generator (...x)', async function* (...x) {});
show('method with default', { m(a, b = 1) {} }.m);
show('class ctor with rest', class { constructor(a, ...r) {} });
var desc = Object.getOwnPropertyDescriptor(function (a, b) {}, 'length');
console.log('length descriptor:', JSON.stringify(desc));
console.log('done');
