// Rest parameters are real arrays, independent of arguments, and work with every function kind.
function collect(first, ...rest) {
  return { first, rest, isArray: Array.isArray(rest), len: rest.length };
}
console.log(JSON.stringify(collect()));
console.log(JSON.stringify(collect(1)));
console.log(JSON.stringify(collect(1, 2, 3)));

const sum = (...nums) => nums.reduce((a, b) => a + b, 0);
console.log('arrow rest:', sum(), sum(1, 2, 3, 4));

function mutate(...items) {
  items.push('added');
  items[0] = 'changed';
  return [items.join(','), arguments.length, arguments[0]];
}
console.log('mutating rest does not affect arguments:', mutate('a', 'b').join(' | '));

class Logger {
  lines = [];
  log(level, ...parts) {
    this.lines.push(`[${level}] ${parts.join(' ')}`);
    return this;
  }
}
console.log(new Logger().log('info', 'a', 'b').log('warn').lines.join(' / '));

function restDestructured(...[a, b = 'B', ...more]) {
  return `${a} ${b} [${more}]`;
}
console.log('rest with array pattern:', restDestructured('A'), '|', restDestructured(1, 2, 3, 4));

function restObjectPattern(...{ length, 0: head }) {
  return `${length} ${head}`;
}
console.log('rest with object pattern:', restObjectPattern('x', 'y', 'z'));

async function asyncRest(...xs) {
  await null;
  return xs.length;
}
function* genRest(...xs) {
  yield* xs;
}
console.log('async rest:', await asyncRest(1, 2), 'generator rest:', [...genRest('p', 'q')].join(''));
console.log('spread forwarding:', sum(...[1, 2], ...new Set([3]), ...'4'.split('').map(Number)));
console.log('done');
