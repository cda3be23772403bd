// Closures created in parameter defaults capture the parameter scope, not the body's var scope.
function f(x = 1, getX = () => x, setX = (v) => (x = v)) {
  var x;
  const before = [x, getX()];
  x = 'body-assigned';
  const afterBodyAssign = getX();
  setX('set-via-closure');
  return { before, afterBodyAssign, bodyX: x, closureX: getX() };
}
console.log(JSON.stringify(f()));

function g(a, read = () => a) {
  a = 'reassigned in body (no var)';
  return read();
}
console.log('without var redeclaration the scope is shared:', g('orig'));

function counterFactory(start = 0, inc = () => ++start, get = () => start) {
  inc();
  inc();
  return get();
}
console.log('closures over param mutate it:', counterFactory(), counterFactory(10));

function h(fns = [1, 2, 3].map((i) => () => i * 10)) {
  return fns.map((fn) => fn()).join(',');
}
console.log('closures created in default array:', h());

function paramShadowsOuter(outer = 'param', fn = () => outer) {
  return fn();
}
const outer = 'module';
console.log('param shadows module binding:', paramShadowsOuter());
console.log('done');
