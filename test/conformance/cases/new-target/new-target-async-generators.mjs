// Non-constructor function kinds: new.target is always undefined, and `new` throws.
async function asyncFn() {
  return typeof new.target;
}
function* genFn() {
  yield typeof new.target;
}
async function* asyncGenFn() {
  yield typeof new.target;
}
const arrowHost = function () {
  return async () => typeof new.target;
};

console.log('async function:', await asyncFn());
console.log('generator:', genFn().next().value);
console.log('async generator:', (await asyncGenFn().next()).value);
console.log('async arrow inside constructed function:', await new arrowHost()());

for (const [label, fn] of [
  ['async', asyncFn],
  ['generator', genFn],
  ['async generator', asyncGenFn],
  ['arrow', () => {}],
]) {
  try {
    new fn();
    console.log(label, 'constructed?!');
  } catch (e) {
    console.log(`new ${label}:`, e.constructor.name);
  }
}
console.log('done');
