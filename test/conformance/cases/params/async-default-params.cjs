// Async function defaults are evaluated synchronously at call time; errors become rejections.
var log = [];
async function fetchData(url = (log.push('default url'), '/default'), opts = { retries: (log.push('default retries'), 2) }) {
  log.push('body before await');
  await null;
  log.push('body after await');
  return url + ' x' + opts.retries;
}
var p = fetchData();
log.push('call returned');
p.then(function (v) {
  log.push('resolved ' + v);
  console.log(log.join(' -> '));

  var arrow = async (a, b = a * 2) => a + b;
  return arrow(5);
}).then(function (r) {
  console.log('async arrow with default referencing earlier param:', r);
  var obj = {
    base: 7,
    async m(x = this.base) {
      return x;
    },
  };
  return obj.m();
}).then(function (r) {
  console.log('async method default reading this:', r);
  console.log('done');
});
