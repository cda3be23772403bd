// Closures over parameters, including parameters reassigned after capture.
function makeMultiplier(factor) {
  const fn = (x) => x * factor;
  factor += 1;
  return fn;
}
console.log('sees reassigned parameter:', makeMultiplier(2)(10));

function withDefaults(a, b = () => a) {
  a = 'reassigned';
  return b();
}
console.log('default closure sees reassignment:', withDefaults('original'));

function destructured({ name, tags = [] }) {
  return {
    describe: () => `${name} [${tags.join(',')}]`,
    rename: (n) => {
      name = n;
    },
    tag: (t) => tags.push(t),
  };
}
const d = destructured({ name: 'item' });
d.tag('x');
d.rename('renamed');
d.tag('y');
console.log(d.describe());

function restParams(...items) {
  return () => items.length;
}
const count = restParams(1, 2, 3);
console.log('rest captured:', count());

function captureArgsArray() {
  const args = arguments;
  return (i) => args[i];
}
console.log('arguments captured:', captureArgsArray('p', 'q')(1));

const adders = [1, 2, 3].map((n) => (m) => n + m);
console.log('closure per callback invocation:', adders.map((f) => f(10)).join(','));
console.log('done');
