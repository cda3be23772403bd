// Interleaving of several async functions: each await yields to the microtask queue.
const log = [];
async function worker(name, steps) {
  log.push(`${name} start`);
  for (let i = 1; i <= steps; i++) {
    await null;
    log.push(`${name} step ${i}`);
  }
  log.push(`${name} end`);
  return name;
}

const p = Promise.all([worker('A', 3), worker('B', 1), worker('C', 2)]);
log.push('sync after calls');
Promise.resolve().then(() => log.push('then #1')).then(() => log.push('then #2'));
queueMicrotask(() => log.push('queueMicrotask'));
const names = await p;
console.log(log.join('\n'));
console.log('results:', names.join(','));

log.length = 0;
async function awaitsResolvedPromise() {
  await Promise.resolve('x');
  log.push('after await resolved promise');
}
async function awaitsPlainValue() {
  await 'x';
  log.push('after await plain value');
}
async function awaitsAsyncCall() {
  await (async () => 'y')();
  log.push('after await async call');
}
awaitsAsyncCall();
awaitsResolvedPromise();
awaitsPlainValue();
Promise.resolve().then(() => log.push('tick 1')).then(() => log.push('tick 2')).then(() => log.push('tick 3'));
await new Promise((r) => setImmediate(r));
console.log(log.join('\n'));
console.log('done');
