// return()/throw() on suspended async generators, with async finally blocks.
const log = [];
async function* source() {
  try {
    log.push('start');
    yield 'a';
    yield 'b';
  } catch (e) {
    log.push(`caught ${e}`);
    yield 'recovered';
  } finally {
    await null;
    log.push('async finally');
  }
}

const g1 = source();
await g1.next();
console.log('return:', JSON.stringify(await g1.return('R')));
console.log('next after return:', JSON.stringify(await g1.next()));
console.log(log.join(' | '));

log.length = 0;
const g2 = source();
await g2.next();
console.log('throw caught inside:', JSON.stringify(await g2.throw('oops')));
console.log('then next:', JSON.stringify(await g2.next()));
console.log(log.join(' | '));

log.length = 0;
const g3 = source();
try {
  await g3.throw(new Error('before start'));
} catch (e) {
  console.log('throw before start rejects:', e.message, 'log:', log.length);
}

async function* breaker() {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('breaker finally');
  }
}
log.length = 0;
for await (const v of breaker()) {
  if (v === 1) break;
}
console.log('break in for await:', log.join(','));

const g4 = source();
console.log('return(promise) awaits the value:', JSON.stringify(await g4.return(Promise.resolve('resolved-R'))));
console.log('done');
