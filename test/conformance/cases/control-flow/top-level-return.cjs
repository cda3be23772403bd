// CommonJS modules are function bodies, so a top-level `return` is legal and stops the module.
var steps = [];
function helper() {
  return 'helper defined before the return';
}
steps.push(helper());
steps.push(hoisted());

if (typeof module === 'object') {
  steps.push('about to return from module top level');
  console.log(steps.join('\n'));
  console.log('done');
  return;
}

console.log('this line must never run');
function hoisted() {
  return 'hoisted function declared after the return still works';
}
