// Returning thenables or promises from async functions and .then handlers.
const log = [];
const makeThenable = (label) => ({
  then(onFulfilled) {
    log.push(`${label}.then called`);
    onFulfilled(`${label}-value`);
  },
});

async function returnsThenable() {
  log.push('body runs synchronously');
  return makeThenable('T1');
}
const p = returnsThenable();
log.push('after call (then not yet called)');
console.log(await p);
console.log(log.join(' | '));

log.length = 0;
const chained = await Promise.resolve('start')
  .then(() => makeThenable('T2'))
  .then((v) => `${v} via then`);
console.log(chained, '|', log.join(' | '));

const selfResolving = new Promise((resolve) => {
  queueMicrotask(() => resolve(selfResolving));
});
try {
  await selfResolving;
} catch (e) {
  console.log('promise resolved with itself:', e.constructor.name);
}

async function returnsRejectedThenable() {
  return {
    then(_, reject) {
      reject(new RangeError('thenable rejected'));
    },
  };
}
console.log(await returnsRejectedThenable().catch((e) => `${e.constructor.name}: ${e.message}`));
console.log('done');
