// Functions created by direct eval close over the caller's scope.
function makeAdder(n) {
  return eval('(x) => x + n');
}
const add5 = makeAdder(5);
console.log('adder from eval:', add5(10), add5.name === '' ? '(anonymous)' : add5.name);

function makeCounter() {
  let count = 0;
  const inc = eval('(function inc() { return ++count; })');
  const get = () => count;
  return { inc, get };
}
const c = makeCounter();
c.inc();
c.inc();
console.log('eval-made function shares scope:', c.get(), c.inc.name);

function loopWithEval() {
  const fns = [];
  for (let i = 0; i < 3; i++) fns.push(eval('() => i * 10'));
  return fns.map((f) => f()).join(',');
}
console.log('per-iteration bindings seen by eval:', loopWithEval());

function evalDefinesAndCalls() {
  return eval(`
    function fib(n) {
      return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
    fib(15);
  `);
}
console.log('recursive function defined in eval:', evalDefinesAndCalls());

function evalClass() {
  const base = 100;
  const C = eval('(class Made { value() { return base + 1; } })');
  return `${C.name} ${new C().value()}`;
}
console.log('class from eval:', evalClass());
console.log('done');
