// await of non-promises still defers; ordering against plain .then chains.
const log = [];
async function a() {
  log.push('a1');
  await undefined;
  log.push('a2');
  await 42;
  log.push('a3');
}
async function b() {
  log.push('b1');
  await { notThen: true };
  log.push('b2');
}
function c() {
  log.push('c1');
  return Promise.resolve().then(() => log.push('c2')).then(() => log.push('c3'));
}
const all = Promise.all([a(), b(), c()]);
log.push('sync end');
await all;
console.log(log.join(' '));

log.length = 0;
async function awaitInExpressions() {
  const sum = (await 1) + (await 2);
  const arr = [await 'x', await 'y'];
  const obj = { k: await 'v' };
  const cond = (await true) ? await 'yes' : await 'no';
  return `${sum} ${arr} ${obj.k} ${cond}`;
}
console.log(await awaitInExpressions());

async function awaitInLoopCondition() {
  let i = 0;
  const seen = [];
  while (await (i < 3)) seen.push(i++);
  return seen.join(',');
}
console.log('await in loop condition:', await awaitInLoopCondition());
console.log('done');
