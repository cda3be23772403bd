// Defaults may reference earlier parameters, this, arguments, and enclosing scope variables.
const base = 100;
function f(a, b = a + 1, c = a + b, d = base + c) {
  return [a, b, c, d];
}
console.log(f(1).join(','), '|', f(1, 10).join(','), '|', f(1, undefined, 5).join(','));

const obj = {
  factor: 3,
  scale(v, factor = this.factor) {
    return v * factor;
  },
};
console.log('default reads this:', obj.scale(5), obj.scale(5, 10));

function argsDefault(a, b = arguments.length) {
  return b;
}
console.log('default reads arguments.length:', argsDefault(1), argsDefault(1, undefined, 3));

function nested(a, { b = a, c = b } = {}, [d = c] = []) {
  return `${a} ${b} ${c} ${d}`;
}
console.log('patterns referencing earlier bindings:', nested('A'), '|', nested('A', { c: 'C' }));

function fnDefault(x, fn = () => x * 2) {
  x = 50;
  return fn();
}
console.log('closure in default sees later param reassignment:', fnDefault(1));

let outer = 'outer';
function shadowing(outer2 = outer, outer3 = `${outer2}!`) {
  return outer3;
}
outer = 'changed';
console.log('defaults read variables at call time:', shadowing());
console.log('done');
