// Functions as computed keys in module code, and the text of every kind of function.
class K {
  [(a, b) => a + b] = 'arrow';
  [function () { return 1; }] = 'fn';
}
console.log(Object.entries(new K()));
const fns = [
  function declared(a) { return a; },
  (a) => a * 2,
  async (a) => a,
  async function af() { await null; return 1; },
  function* g() { yield 1; },
  async function* ag() { yield 1; },
  { m(x) { return x; } }.m,
  { get p() { return 1; } },
  new (class { method() { return () => 1; } })().method,
  (x) => (y) => x + y,
];
for (const f of fns) console.log(typeof f === 'function' ? String(f) : String(Object.getOwnPropertyDescriptor(f, 'p').get));
console.log(Function.prototype.toString.call(fns[1]) === fns[1].toString(), `${fns[2]}`);
console.log(String(Function.prototype.toString), String(Object.prototype.hasOwnProperty));
console.log('done');
