// yield* delegates to other iterables and receives the inner generator's return value.
function* inner(label) {
  const got = yield `${label}:1`;
  yield `${label}:2 (got ${got})`;
  return `${label}-result`;
}
function* outer() {
  const r1 = yield* inner('A');
  yield `outer saw ${r1}`;
  const r2 = yield* [10, 20];
  yield `array delegation returns ${r2}`;
  yield* 'hi';
  yield* new Set(['s1', 's2']);
  return 'outer-done';
}
const it = outer();
const out = [];
let step = it.next();
let n = 0;
while (!step.done) {
  out.push(step.value);
  step = it.next(`sent${n++}`);
}
console.log(out.join(' | '));
console.log('final:', step.value);

function* tree(node) {
  if (!node) return 0;
  const left = yield* tree(node.left);
  yield node.value;
  const right = yield* tree(node.right);
  return left + right + 1;
}
const t = { value: 'm', left: { value: 'l', left: { value: 'll' } }, right: { value: 'r' } };
const walker = tree(t);
const vals = [];
let s;
while (!(s = walker.next()).done) vals.push(s.value);
console.log('in-order:', vals.join(','), 'count:', s.value);
console.log('done');
