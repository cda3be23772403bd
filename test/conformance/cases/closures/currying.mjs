// Currying and partial application built from closures.
const curry = (fn) => {
  const curried = (...args) =>
    args.length >= fn.length ? fn(...args) : (...more) => curried(...args, ...more);
  return curried;
};
const add3 = curry((a, b, c) => a + b + c);
console.log(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3));

const partial = (fn, ...preset) => (...rest) => fn(...preset, ...rest);
const greet = (greeting, punctuation, name) => `${greeting}, ${name}${punctuation}`;
const hello = partial(greet, 'Hello', '!');
console.log(hello('Ada'), hello('Alan'));

function manualCurry(a) {
  return function (b) {
    return function (c) {
      return [a, b, c].join('-');
    };
  };
}
const step1 = manualCurry('x');
const step2a = step1('y');
const step2b = step1('Y');
console.log('shared prefix, branching closures:', step2a('z'), step2b('Z'), step2a('again'));

const placeholders = Symbol('_');
const curryWithPlaceholders = (fn, ...given) => (...next) => {
  const args = given.map((g) => (g === placeholders ? next.shift() : g)).concat(next);
  return fn(...args);
};
const divide = (a, b) => a / b;
const half = curryWithPlaceholders(divide, placeholders, 2);
console.log('placeholder partial:', half(10), half(3));

const uncurry = (f) => (...args) => args.reduce((g, a) => g(a), f);
console.log('uncurry:', uncurry(manualCurry)('p', 'q', 'r'));
console.log('curried length chain:', add3.length, add3(1).length);
console.log('done');
