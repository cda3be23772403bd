'use strict';
// Closures in a strict CommonJS file: let/const loops, frozen captured state, and this in closures.
const makeRegistry = () => {
  const entries = new Map();
  let frozen = false;
  return {
    register(name, fn) {
      if (frozen) throw new TypeError(`registry frozen, cannot add ${name}`);
      entries.set(name, fn);
      return this;
    },
    freeze() {
      frozen = true;
      return this;
    },
    run(name, ...args) {
      const fn = entries.get(name);
      return fn ? fn(...args) : `no handler for ${name}`;
    },
  };
};
const reg = makeRegistry()
  .register('double', (x) => x * 2)
  .register('greet', (n) => `hi ${n}`)
  .freeze();
console.log(reg.run('double', 21), reg.run('greet', 'ann'), reg.run('missing'));
try {
  reg.register('late', () => {});
} catch (e) {
  console.log(e.constructor.name, e.message);
}

const fns = [];
for (let i = 0; i < 3; i++) {
  fns.push(function () {
    return `${i}:${this === undefined ? 'no-this' : 'this'}`;
  });
}
console.log(fns.map((f) => f()).join(' '));

const captured = Object.freeze({ value: 1 });
const tryMutate = () => {
  try {
    captured.value = 2;
    return 'mutated';
  } catch (e) {
    return e.constructor.name;
  }
};
console.log('mutating frozen captured object:', tryMutate(), captured.value);
console.log('done');
