// Exceptions thrown deep in a call chain, caught at different levels.
var log = [];
function level3(mode) {
  log.push('level3 start');
  if (mode === 'throw') throw new Error('from level3');
  log.push('level3 end');
  return 'ok';
}
function level2(mode) {
  log.push('level2 start');
  var r = level3(mode);
  log.push('level2 end');
  return r;
}
function level1(mode, catchHere) {
  log.push('level1 start');
  try {
    return level2(mode);
  } catch (e) {
    if (!catchHere) throw e;
    log.push('level1 caught: ' + e.message);
    return 'recovered';
  } finally {
    log.push('level1 finally');
  }
}

console.log(level1('normal', true), '|', log.join(', '));
log.length = 0;
console.log(level1('throw', true), '|', log.join(', '));
log.length = 0;
try {
  level1('throw', false);
} catch (e) {
  console.log('top-level caught:', e.message, '|', log.join(', '));
}

function catchInMiddle() {
  try {
    level3('throw');
  } catch (e) {
    return 'middle caught ' + e.message;
  }
}
function outer() {
  var r = catchInMiddle();
  return 'outer got: ' + r;
}
console.log(outer());

function innerCatchRethrowsDifferent() {
  try {
    level3('throw');
  } catch (e) {
    throw new TypeError('converted: ' + e.message);
  }
}
try {
  innerCatchRethrowsDifferent();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log('done');
