// Values passed to next() become the result of the paused yield expression.
function* conversation() {
  const name = yield 'What is your name?';
  const color = yield `Hello ${name}, favourite colour?`;
  const both = yield [name, color];
  return `bye ${name} (${both})`;
}
const c = conversation();
console.log(JSON.stringify(c.next('discarded')));
console.log(JSON.stringify(c.next('Ada')));
console.log(JSON.stringify(c.next('green')));
console.log(JSON.stringify(c.next('both ok')));
console.log(JSON.stringify(c.next('after end')));

function* accumulator() {
  let total = 0;
  while (true) {
    const v = yield total;
    if (v === undefined) return total;
    total += v;
  }
}
const acc = accumulator();
acc.next();
for (const v of [5, 10, 20]) acc.next(v);
console.log('accumulated:', JSON.stringify(acc.next()));

function* yieldPrecedence() {
  const a = yield 1 + 1;
  const b = (yield 'x') + (yield 'y');
  const c = [yield 'arr1', yield 'arr2'];
  return { a, b, c };
}
const yp = yieldPrecedence();
const seen = [];
let r = yp.next();
let k = 0;
while (!r.done) {
  seen.push(r.value);
  r = yp.next(`v${k++}`);
}
console.log('yielded:', seen.join(','), 'result:', JSON.stringify(r.value));
console.log('done');
