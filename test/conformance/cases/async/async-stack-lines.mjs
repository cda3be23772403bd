// Error stacks thrown after awaits include async frames with the right line numbers.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

async function level3() {
  await null;
  throw new Error('deep async failure');
}
async function level2() {
  await level3();
}
async function level1() {
  const r = await level2();
  return r;
}

try {
  await level1();
} catch (e) {
  console.log(e.constructor.name, e.message);
  console.log(frames(e).join(' <- '));
}

async function syncThrowInAsync() {
  null.prop;
}
try {
  await syncThrowInAsync();
} catch (e) {
  console.log(e.constructor.name, frames(e).join(' <- '));
}

const arrow = async () => {
  await Promise.resolve();
  throw new RangeError('from async arrow');
};
try {
  await arrow();
} catch (e) {
  console.log(e.constructor.name, e.message, frames(e).join(' <- '));
}
console.log('done');
