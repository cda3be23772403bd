// Direct eval inside module code is strict: var declarations do not leak, but locals are visible.
const moduleConst = 'module const';
function reader() {
  const local = 'function local';
  return eval('moduleConst + " / " + local');
}
console.log(reader());

function declares() {
  eval('var declaredInEval = 1; function fnInEval() {}');
  return `${typeof declaredInEval} ${typeof fnInEval}`;
}
console.log('no leak from strict eval:', declares());

function writer() {
  let counter = 1;
  eval('counter++');
  return counter;
}
console.log('eval can still assign outer let:', writer());

console.log('top-level direct eval sees module bindings:', eval('typeof moduleConst'));
console.log('this in module-level eval:', eval('this'));

const arrow = () => eval('typeof arguments');
console.log('arguments inside eval in module arrow:', arrow());

function withArgs(a, b) {
  return eval('arguments.length + ":" + a');
}
console.log('arguments via eval:', withArgs('first', 'second'));
console.log('done');
