// In an ES module every function is strict, so arguments is never mapped.
function f(a, b = 2) {
  a = 100;
  arguments[1] = 'x';
  return { a, b, args: [...arguments] };
}
const r = f(1, 20);
console.log(JSON.stringify(r));

function g(x) {
  arguments[0] = 'changed';
  return x;
}
console.log('g:', g('same'));

const o = {
  method(p) {
    p = 'p2';
    return arguments[0];
  },
};
console.log('method:', o.method('p1'));

class K {
  m(q) {
    arguments[0] = 'no';
    return q;
  }
}
console.log('class method:', new K().m('yes'));

function lengths() {
  return arguments.length;
}
console.log('lengths:', lengths(), lengths(undefined), lengths(1, 2, 3));
console.log('done');
