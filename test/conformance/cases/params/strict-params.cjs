'use strict';
// Parameters in a strict CommonJS file: unmapped arguments, defaults and rest.
function update(a, b) {
  a = 'A';
  arguments[1] = 'B';
  return [a, b, arguments[0], arguments[1]].join(',');
}
console.log('unmapped:', update('a', 'b'));

function withDefaults(x, y = x + 1, { z = y * 2 } = {}) {
  return [x, y, z].join(',');
}
console.log('defaults:', withDefaults(1), withDefaults(1, 5), withDefaults(1, undefined, { z: 0 }));

function restAndArguments(first, ...rest) {
  return `${first} | rest=${rest.length} | arguments=${arguments.length}`;
}
console.log(restAndArguments(1, 2, 3));

function noDuplicates() {
  try {
    new Function('"use strict"; return function (a, a) {};');
    return 'allowed';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('duplicate params in strict code:', noDuplicates());

function paramNamedEval() {
  try {
    new Function('"use strict"; return function (eval) {};');
    return 'allowed';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('param named eval in strict code:', paramNamedEval());

const arrowDefaults = (a, b = () => a) => {
  a = 'reassigned';
  return b();
};
console.log('default closure sees reassigned param:', arrowDefaults('orig'));
console.log('done');
