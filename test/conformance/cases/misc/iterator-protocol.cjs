// Hand-written iterators using closures and methods; return() called on early exit.
function range(start, end, step) {
  step = step || 1;
  var log = [];
  return {
    log: log,
    [Symbol.iterator]: function () {
      var current = start;
      log.push('iterator created');
      return {
        next: function () {
          if (current < end) {
            var v = current;
            current += step;
            return { value: v, done: false };
          }
          return { value: undefined, done: true };
        },
        return: function (v) {
          log.push('return called');
          return { value: v, done: true };
        },
      };
    },
  };
}
var r = range(0, 10, 3);
console.log('spread:', [...r].join(','), '| log:', r.log.join(', '));

var r2 = range(0, 100);
for (var v of r2) {
  if (v === 2) break;
}
console.log('break calls return:', r2.log.join(', '));

var r3 = range(5, 8);
var [first] = r3;
console.log('destructuring one element:', first, r3.log.join(', '));

var r4 = range(1, 4);
console.log('Array.from / Math.max:', Array.from(r4).join('|'), Math.max.apply(null, Array.from(r4)));

var manual = range(0, 2)[Symbol.iterator]();
console.log('manual next:', JSON.stringify([manual.next(), manual.next(), manual.next()]));

var badIterator = { [Symbol.iterator]: function () { return { next: function () { return 5; } }; } };
try {
  for (var x of badIterator) {}
} catch (e) {
  console.log('next returning non-object:', e.constructor.name);
}
console.log('done');
