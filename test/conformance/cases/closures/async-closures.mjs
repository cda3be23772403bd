// Closures created in async functions keep their scopes across awaits.
async function collect(ids) {
  const results = [];
  const pending = ids.map(async (id, index) => {
    await null;
    results.push(() => `${index}:${id}`);
  });
  await Promise.all(pending);
  return results.map((f) => f());
}
console.log((await collect(['a', 'b', 'c'])).join(' '));

function makeQueue() {
  const queue = [];
  let processed = 0;
  return {
    add: (task) => queue.push(task),
    async drain() {
      while (queue.length) {
        const task = queue.shift();
        await task();
        processed++;
      }
      return processed;
    },
  };
}
const q = makeQueue();
const order = [];
for (let i = 0; i < 3; i++) {
  q.add(async () => {
    await null;
    order.push(`task${i}`);
  });
}
console.log('processed:', await q.drain(), 'order:', order.join(','));

const lazyValue = (() => {
  let promise;
  let computations = 0;
  return () =>
    (promise ??= (async () => {
      computations++;
      await null;
      return `computed ${computations} time(s)`;
    })());
})();
const [v1, v2] = await Promise.all([lazyValue(), lazyValue()]);
console.log(v1, '|', v2, '|', v1 === v2);
console.log('done');
