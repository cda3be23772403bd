// Closures capturing `arguments` see later modifications (module, so unmapped).
function makeReaders() {
  const args = arguments;
  return {
    first: () => args[0],
    all: () => Array.from(args),
    set: (v) => {
      arguments[0] = v;
    },
  };
}

const r = makeReaders('a', 'b');
console.log(r.first(), r.all().join(','));
r.set('z');
console.log(r.first(), r.all().join(','));

function captured() {
  const saved = [];
  for (let i = 0; i < arguments.length; i++) {
    saved.push(() => `${i}:${arguments[i]}`);
  }
  return saved;
}
console.log(captured('x', 'y', 'z').map((f) => f()).join(' '));

function returnsArguments() {
  return arguments;
}
const a1 = returnsArguments(1, 2, 3);
a1[0] = 100;
console.log('escaped arguments object:', Array.from(a1).join(','), a1.length);

function lazy() {
  return function () {
    return arguments.length;
  };
}
console.log('inner function has own arguments:', lazy(1, 2, 3)());
console.log('done');
