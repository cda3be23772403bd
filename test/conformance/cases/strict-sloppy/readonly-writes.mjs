// Strict-mode TypeErrors for writes that sloppy mode silently ignores.
function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: no error`);
  } catch (e) {
    console.log(`${label}: ${e.constructor.name}`);
  }
}
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
attempt('write frozen property', () => {
  frozen.a = 2;
});
attempt('add to frozen object', () => {
  frozen.c = 3;
});
attempt('write nested (not deep-frozen)', () => {
  frozen.nested.b = 3;
});
console.log('nested value:', frozen.nested.b);

const nonExt = Object.preventExtensions({ x: 1 });
attempt('add to non-extensible', () => {
  nonExt.y = 1;
});
attempt('write to non-extensible existing', () => {
  nonExt.x = 5;
});
console.log('nonExt.x:', nonExt.x);

attempt('write to string index', () => {
  const s = 'abc';
  s[0] = 'z';
});
attempt('write property on primitive', () => {
  const n = 5;
  n.prop = 1;
});
attempt('write to undefined global (NaN)', () => {
  globalThis.NaN = 1;
});
attempt('write function name', () => {
  function f() {}
  f.name = 'x';
});
attempt('write array length of frozen array', () => {
  Object.freeze([1, 2]).length = 0;
});
attempt('push to frozen array', () => {
  Object.freeze([]).push(1);
});
console.log('done');
