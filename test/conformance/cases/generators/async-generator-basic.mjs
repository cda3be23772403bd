// Async generators: await inside, for await consumption, and queued next() calls.
const log = [];
async function* ticker(n) {
  for (let i = 0; i < n; i++) {
    log.push(`before await ${i}`);
    await null;
    log.push(`yield ${i}`);
    yield i;
  }
  return 'ticker-done';
}

const collected = [];
for await (const v of ticker(3)) collected.push(v);
console.log('for await:', collected.join(','));
console.log(log.join(' | '));

const it = ticker(2);
const p1 = it.next();
const p2 = it.next();
const p3 = it.next();
const p4 = it.next();
console.log('queued results:', JSON.stringify(await Promise.all([p1, p2, p3, p4])));

async function* fromPromises() {
  yield Promise.resolve('awaited-yield');
  yield 'plain';
}
const vals = [];
for await (const v of fromPromises()) vals.push(v);
console.log('yielded promises are awaited:', vals.join(','));

const order = [];
async function* lazy() {
  order.push('body');
  yield 1;
}
const lz = lazy();
order.push('created');
await lz.next();
console.log('lazy start:', order.join(' -> '));
console.log('done');
