// arguments in async functions survives awaits.
async function collect(a, b) {
  const before = arguments.length;
  await null;
  const mid = Array.from(arguments).join(',');
  await Promise.resolve();
  arguments[0] = 'modified';
  return { before, mid, after: [a, arguments[0]].join(',') };
}
console.log(JSON.stringify(await collect('x', 'y', 'z')));

const asyncArrowHost = async function () {
  const inner = async () => {
    await null;
    return arguments.length;
  };
  return inner('ignored');
};
console.log('async arrow sees host arguments:', await asyncArrowHost(1, 2, 3, 4));

async function sumLater() {
  let total = 0;
  for (const v of arguments) {
    total += await v;
  }
  return total;
}
console.log('awaited args:', await sumLater(Promise.resolve(1), 2, Promise.resolve(3)));

async function* agen() {
  for (let i = 0; i < arguments.length; i++) {
    await null;
    yield arguments[i];
  }
}
const seen = [];
for await (const v of agen('p', 'q')) seen.push(v);
console.log('async generator arguments:', seen.join(','));
console.log('done');
