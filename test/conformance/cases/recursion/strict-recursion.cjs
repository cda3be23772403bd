'use strict';
// Recursion in strict code: no arguments.callee, immutable named-expression bindings.
const fact = function factorial(n) {
  return n <= 1 ? 1 : n * factorial(n - 1);
};
console.log('factorial(15):', fact(15));

const tryCallee = function () {
  try {
    return arguments.callee;
  } catch (e) {
    return e.constructor.name;
  }
};
console.log('arguments.callee:', tryCallee());

const tryRebind = function self() {
  try {
    self = null;
  } catch (e) {
    return e.constructor.name;
  }
  return 'rebound';
};
console.log('assigning named expression binding:', tryRebind());

function walk(node, depth = 0) {
  const children = node.children || [];
  return [`${'  '.repeat(depth)}${node.name}`].concat(...children.map((c) => walk(c, depth + 1)));
}
const tree = { name: 'root', children: [{ name: 'a', children: [{ name: 'a1' }] }, { name: 'b' }] };
console.log(walk(tree).join('\n'));

function countDown(n) {
  return n === 0 ? 'zero' : countDown(n - 1);
}
console.log('depth 3000:', countDown(3000));
console.log('done');
