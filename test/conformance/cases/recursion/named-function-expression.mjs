// The name of a named function expression is an immutable binding visible only inside it.
const countdown = function tick(n, acc = []) {
  acc.push(n);
  return n === 0 ? acc : tick(n - 1, acc);
};
console.log('countdown:', countdown(5).join(','));
console.log('inner name not visible outside:', typeof tick);

const fact = function inner(n) {
  return n <= 1 ? 1 : n * inner(n - 1);
};
const renamed = fact;
console.log('survives rebinding of outer variable:', renamed(6));

const tryReassign = function self() {
  try {
    self = null;
    return 'no error';
  } catch (e) {
    return `${e.constructor.name}: ${e.message}`;
  }
};
console.log('assigning to the name in strict code:', tryReassign());

const shadowed = function same(same) {
  return typeof same;
};
console.log('parameter shadows the function name:', shadowed(42));

const withVar = function me() {
  var me = 'var shadows the name';
  return me;
};
console.log(withVar());

const walker = function walk(node) {
  return node ? 1 + walk(node.next) : 0;
};
console.log('list length:', walker({ next: { next: { next: null } } }));

const obj = {
  method: function named(n) {
    return n > 0 ? named(n - 1) + 1 : 0;
  },
};
console.log('method-valued named expression:', obj.method(4), obj.method.name);
console.log('done');
