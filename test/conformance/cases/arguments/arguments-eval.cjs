// Direct eval sees the enclosing function's arguments object.
function readViaEval(a, b) {
  return eval('arguments.length + ":" + arguments[1]');
}
console.log(readViaEval('x', 'y', 'z'));

function writeViaEval(a) {
  eval('arguments[0] = "from eval"');
  return a;
}
console.log('eval write is mapped (sloppy):', writeViaEval('orig'));

function paramViaEval(a) {
  eval('a = "param set by eval"');
  return arguments[0];
}
console.log('eval param write seen by arguments:', paramViaEval('orig'));

function indirect(a) {
  var geval = eval;
  return geval('typeof arguments');
}
console.log('indirect eval:', indirect(1));

function arrowEval(a) {
  return (() => eval('arguments[0]'))('arrow-arg');
}
console.log('eval in arrow:', arrowEval('outer-arg'));
console.log('done');
