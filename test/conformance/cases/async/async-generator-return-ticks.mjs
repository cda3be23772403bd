// Async generators that return undefined implicitly, explicitly, or a value, interleaved with
// other promise jobs: the order of settling must not change.
const log = [];
async function* implicit() { yield 1; }
async function* explicit() { yield 1; return undefined; }
async function* value() { yield 1; return 2; }
async function* empty() {}
async function* bare() { return; }
async function* awaited() { yield 1; return await Promise.resolve(3); }
async function* promised() { return Promise.resolve(4); }
async function run(name, gen) {
  const it = gen();
  let step = 0;
  for (;;) {
    const r = await it.next();
    log.push(`${name} ${step++} ${r.done ? 'ret' : 'yield'} ${r.value}`);
    if (r.done) break;
  }
}
function ticks(n) {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => log.push(`tick ${i}`));
  return p;
}
await Promise.all([run('implicit', implicit), run('explicit', explicit), run('value', value), run('empty', empty), run('bare', bare), run('awaited', awaited), run('promised', promised), ticks(12)]);
console.log(log.join('\n'));
const order = [];
const a = implicit(), b = explicit();
a.next().then(() => order.push('a1')); b.next().then(() => order.push('b1'));
a.next().then(() => order.push('a2')); b.next().then(() => order.push('b2'));
a.return(9).then((r) => order.push(`a-return ${r.value}`)); b.return(8).then((r) => order.push(`b-return ${r.value}`));
await ticks(8);
console.log(order.join(' '));
console.log('done');
