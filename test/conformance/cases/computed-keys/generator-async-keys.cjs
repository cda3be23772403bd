// Computed keys on generator, async and async generator methods.
var log = [];
function k(name) {
  log.push(name);
  return name;
}
var service = {
  *[k('range')](n) {
    for (var i = 0; i < n; i++) yield i;
  },
  async [k('load')](x) {
    await null;
    return 'loaded ' + x;
  },
  async *[k('stream')]() {
    yield 'a';
    await null;
    yield 'b';
  },
};
console.log('evaluated:', log.join(','));
console.log('generator:', Array.from(service.range(4)).join(','));
console.log('tags:', [service.range, service.load, service.stream].map(function (f) {
  return Object.prototype.toString.call(f) + ':' + f.name;
}).join(' '));

service.load('x').then(async function (r) {
  console.log('async:', r);
  var items = [];
  for await (var v of service.stream()) items.push(v);
  console.log('async generator:', items.join(','));
  console.log('done');
});
