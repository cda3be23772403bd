// `var` declarations are hoisted (initialized to undefined) to the function scope, ignoring blocks.
function demo(flag) {
  const log = [];
  log.push(`start: x=${x}, y=${typeof y}`);
  if (flag) {
    var x = 'set in if';
  }
  for (var i = 0; i < 2; i++) {
    var inLoop = i;
  }
  log.push(`after: x=${x}, i=${i}, inLoop=${inLoop}`);
  {
    var blockVar = 'block';
  }
  log.push(`blockVar=${blockVar}`);
  try {
    var fromTry = 'try';
    throw new Error('x');
  } catch {
    var fromCatch = 'catch';
  }
  log.push(`fromTry=${fromTry}, fromCatch=${fromCatch}`);
  return log.join(' | ');
}
console.log(demo(true));
console.log(demo(false));

function neverExecuted() {
  return typeof unreached;
  if (false) {
    var unreached = 1;
  }
}
console.log('declared in dead code:', neverExecuted());

function shadowOuter() {
  const before = outerName;
  var outerName = 'local';
  return [before, outerName];
}
var outerName = 'module-level';
console.log('local var shadows outer from the start:', shadowOuter().join(','));

function closures() {
  var fns = [];
  for (var j = 0; j < 3; j++) fns.push(() => j);
  return fns.map((f) => f()).join(',');
}
console.log('var in loop shared by closures:', closures());
console.log('done');
