// Promise.all/race/allSettled with async functions that finish in a deterministic order.
var log = [];
function ticks(n) {
  var p = Promise.resolve();
  for (var i = 0; i < n; i++) p = p.then(function () {});
  return p;
}
async function job(name, n, fail) {
  log.push('start ' + name);
  await ticks(n);
  log.push('finish ' + name);
  if (fail) throw new Error(name + ' failed');
  return name;
}

async function main() {
  var all = await Promise.all([job('slow', 5), job('fast', 1), job('mid', 3)]);
  console.log('all keeps input order:', all.join(','));
  console.log('completion order:', log.join(', '));

  log.length = 0;
  var winner = await Promise.race([job('r-slow', 6), job('r-fast', 2)]);
  console.log('race winner:', winner);
  await ticks(10);
  console.log('race log (loser still finishes):', log.join(', '));

  log.length = 0;
  var settled = await Promise.allSettled([job('ok', 1), job('bad', 2, true)]);
  console.log(
    'allSettled:',
    settled.map(function (s) { return s.status + ':' + (s.value || s.reason.message); }).join(' | ')
  );

  var sequential = [];
  for (var name of ['s1', 's2', 's3']) sequential.push(await job(name, 1));
  console.log('sequential:', sequential.join(','));
}
main().then(function () {
  console.log('done');
});
