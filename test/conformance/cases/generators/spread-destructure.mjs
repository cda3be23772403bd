// Consuming generators via spread, destructuring, Array.from, Promise.all and Map/Set constructors.
const log = [];
function* letters() {
  try {
    for (const ch of 'abcdef') {
      log.push(`yield ${ch}`);
      yield ch;
    }
  } finally {
    log.push('closed');
  }
}

const [first, , third, ...rest] = letters();
console.log('destructure with rest:', first, third, rest.join(''));
console.log(log.length, 'steps, closed?', log.includes('closed'));

log.length = 0;
const [x, y] = letters();
console.log('partial destructure:', x, y, '| log:', log.join(','));

console.log('spread into call:', Math.max(...(function* () { yield 3; yield 9; yield 4; })()));
console.log('Array.from with map fn:', Array.from(letters(), (c) => c.toUpperCase()).join(''));
console.log('new Set:', [...new Set(letters())].length, 'new Map:', new Map((function* () { yield ['k', 'v']; })()).get('k'));

function* promises() {
  yield Promise.resolve(1);
  yield 2;
  yield new Promise((r) => setImmediate(() => r(3)));
}
console.log('Promise.all over generator:', (await Promise.all(promises())).join(','));
const { 0: zero, length } = [...letters()];
console.log('object pattern on spread array:', zero, length);
console.log('done');
