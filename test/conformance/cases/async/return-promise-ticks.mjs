// `return promise` vs `return await promise` vs returning a value: they resolve after different numbers of ticks.
const log = [];
const resolved = Promise.resolve('P');

async function returnsValue() {
  return 'value';
}
async function returnsPromise() {
  return resolved;
}
async function returnsAwaited() {
  return await resolved;
}
async function returnsThenable() {
  return { then: (r) => r('thenable') };
}
async function returnsAsyncCall() {
  return returnsValue();
}

for (const fn of [returnsValue, returnsPromise, returnsAwaited, returnsThenable, returnsAsyncCall]) {
  fn().then((v) => log.push(`${fn.name} -> ${v}`));
}
let tick = 0;
const ticker = () => {
  if (tick < 6) {
    log.push(`tick ${++tick}`);
    Promise.resolve().then(ticker);
  }
};
Promise.resolve().then(ticker);
await new Promise((r) => setImmediate(r));
console.log(log.join('\n'));

log.length = 0;
async function tryReturn(p) {
  try {
    return p;
  } catch {
    return 'caught (never for plain return)';
  }
}
async function tryReturnAwait(p) {
  try {
    return await p;
  } catch {
    return 'caught by return await';
  }
}
const rejected = () => Promise.reject(new Error('nope'));
console.log('return p in try:', await tryReturn(rejected()).catch((e) => `escaped: ${e.message}`));
console.log('return await p in try:', await tryReturnAwait(rejected()));
console.log('done');
