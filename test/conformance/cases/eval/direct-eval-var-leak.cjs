// Sloppy direct eval: `var` and function declarations are added to the calling function's scope.
function declare() {
  var before = typeof created;
  eval('var created = "created by eval"');
  return [before, typeof created, created].join(' | ');
}
console.log(declare());

function declareFunction() {
  eval('function made(x) { return "made " + x; }');
  return made('it');
}
console.log(declareFunction());

function conditional(flag) {
  if (flag) eval('var maybe = "yes"');
  return typeof maybe;
}
console.log('conditional eval:', conditional(true), conditional(false));

function letNotLeaked() {
  eval('let scoped = 1; const alsoScoped = 2;');
  return typeof scoped + ' ' + typeof alsoScoped;
}
console.log('let/const stay inside eval:', letNotLeaked());

function deletable() {
  eval('var removable = 1');
  var deleted = delete removable;
  return deleted + ' ' + typeof removable;
}
console.log('eval-declared var is deletable:', deletable());

function shadowParam(p) {
  eval('var p = "redeclared"');
  return p + ' / ' + arguments[0];
}
console.log('eval var redeclaring param:', shadowParam('param'));

function conflictsWithLet() {
  let existing = 1;
  try {
    eval('var existing = 2');
    return 'no error';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('eval var conflicting with let:', conflictsWithLet());

function evalInLoop() {
  for (var i = 0; i < 3; i++) eval('var fromLoop' + i + ' = ' + i);
  return [typeof fromLoop0, typeof fromLoop2, fromLoop1].join(',');
}
console.log('eval in loop:', evalInLoop());
console.log('done');
