// Function declarations are hoisted with their bodies: callable before their definition.
console.log('calling before definition:', greet('early'));
console.log('typeof before definition:', typeof greet, typeof helperExpr, typeof arrowLater);

function greet(who) {
  return 'hello ' + who + ' / ' + helper();
}
function helper() {
  return 'helper ' + depth(3);
}
function depth(n) {
  return n === 0 ? 'bottom' : depth(n - 1);
}

try {
  helperExpr();
} catch (e) {
  console.log('var function expression before assignment:', e.constructor.name, e.message);
}
var helperExpr = function () {
  return 'expr';
};
console.log('after assignment:', helperExpr());

try {
  arrowLater();
} catch (e) {
  console.log('var arrow before assignment:', e.constructor.name);
}
var arrowLater = () => 'arrow';

function outer() {
  return inner();
  function inner() {
    return 'inner declared after return';
  }
}
console.log(outer());

function conditionalReturn(flag) {
  if (flag) return local();
  return 'not called';
  function local() {
    return 'local hoisted';
  }
}
console.log(conditionalReturn(true), '|', conditionalReturn(false));
console.log('done');
