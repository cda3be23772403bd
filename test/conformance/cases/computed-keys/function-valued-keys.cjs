// Functions as computed keys: the key is the function's source text.
const plain = { [function () {}]: 1, [() => {}]: 2, [(a) => a + 1]: 3, [function* gen() { yield 1; }]: 4, [async function af() { await 0; }]: 5 };
console.log(Object.keys(plain));
const accessors = { get [function () {}]() { return 'g'; }, set [function (v) { this.v = v; }](v) {} };
console.log(Object.keys(accessors));
class C {
  [() => {}] = 1;
  [(x) => x * 2] = 2;
  static [function named() { return 1; }]() {}
  [async (a) => a]() {}
}
console.log(Object.keys(new C()), Object.getOwnPropertyNames(C).filter((n) => !['length', 'name', 'prototype'].includes(n)), Object.getOwnPropertyNames(C.prototype));
console.log('done');
