// for await over async iterables, sync iterables of promises, and with break/throw.
const log = [];
const asyncIterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next: async () => {
        await null;
        log.push(`next ${i}`);
        return i < 3 ? { value: i++, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        log.push('return called');
        return { done: true };
      },
    };
  },
};

for await (const v of asyncIterable) log.push(`got ${v}`);
console.log('full iteration:', log.join(', '));

log.length = 0;
for await (const v of asyncIterable) {
  if (v === 1) break;
}
console.log('break:', log.join(', '));

log.length = 0;
const syncOfPromises = [Promise.resolve('a'), 'b', new Promise((r) => setImmediate(() => r('c')))];
for await (const v of syncOfPromises) log.push(v);
console.log('sync iterable of promises:', log.join(','));

log.length = 0;
async function* gen() {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('gen finally');
  }
}
try {
  for await (const v of gen()) {
    log.push(`v=${v}`);
    throw new Error('body throws');
  }
} catch (e) {
  log.push(`caught ${e.message}`);
}
console.log('throw in body:', log.join(', '));

const results = [];
async function consume(label) {
  for await (const v of gen()) results.push(`${label}${v}`);
}
await Promise.all([consume('x'), consume('y')]);
console.log('two consumers interleaved:', results.join(','));
console.log('done');
