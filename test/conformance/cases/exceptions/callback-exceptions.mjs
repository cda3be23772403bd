// Exceptions thrown inside callbacks of built-ins propagate to the caller of the built-in.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

const visited = [];
function check(x) {
  visited.push(x);
  if (x === 3) throw new RangeError(`bad value ${x}`);
  return x * 2;
}
try {
  [1, 2, 3, 4, 5].map(check);
} catch (e) {
  console.log('map stopped at:', visited.join(','), '|', e.message, '|', frames(e).join(' <- '));
}

const attempts = {
  forEach: () => [1].forEach(() => { throw new Error('forEach'); }),
  reduce: () => [1, 2].reduce((a, b) => { throw new Error(`reduce ${a}+${b}`); }),
  filter: () => [1].filter(function () { throw new Error(`filter this=${typeof this}`); }),
  find: () => [1].find(() => { throw new Error('find'); }),
  replace: () => 'abc'.replace(/b/, () => { throw new Error('replace callback'); }),
  'JSON.parse reviver': () => JSON.parse('{"a":1}', (k, v) => { if (k === 'a') throw new Error('reviver'); return v; }),
  'Array.from mapper': () => Array.from([1], () => { throw new Error('Array.from'); }),
  'new Promise executor': () => new Promise(() => { throw new Error('executor'); }),
};
for (const [name, run] of Object.entries(attempts)) {
  try {
    const r = run();
    console.log(`${name}: returned ${r instanceof Promise ? 'a rejected promise' : r}`);
    if (r instanceof Promise) await r.catch((e) => console.log(`  ${name} rejection: ${e.message}`));
  } catch (e) {
    console.log(`${name}: threw ${e.message}`);
  }
}
console.log('done');
