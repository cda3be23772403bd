// Early exit from for-of / destructuring calls return() and runs finally blocks.
var log = [];
function* numbers(label) {
  try {
    for (var i = 1; ; i++) {
      log.push(label + ' yield ' + i);
      yield i;
    }
  } finally {
    log.push(label + ' finally');
  }
}

for (var n of numbers('loop-break')) {
  if (n === 2) break;
}
console.log(log.join(' | '));

log.length = 0;
var [a, b] = numbers('destructure');
console.log('destructured', a, b, '|', log.join(' | '));

log.length = 0;
function findFirstEven() {
  for (var v of numbers('return-from-loop')) {
    if (v % 2 === 0) return v;
  }
}
console.log('returned', findFirstEven(), '|', log.join(' | '));

log.length = 0;
try {
  for (var w of numbers('throw-in-loop')) {
    if (w === 1) throw new Error('boom');
  }
} catch (e) {
  console.log('caught', e.message, '|', log.join(' | '));
}

log.length = 0;
outer: for (var x of numbers('labeled-outer')) {
  for (var y of numbers('labeled-inner')) {
    if (y === 2) continue outer;
    if (x === 2) break outer;
  }
}
console.log(log.join(' | '));
console.log('done');
