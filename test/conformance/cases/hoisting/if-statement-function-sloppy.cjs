// Annex B: `if (x) function f() {}` (no braces) is allowed in sloppy mode.
function choose(flag) {
  if (flag) function pick() { return 'picked when true'; }
  else function pick() { return 'picked when false'; }
  return pick();
}
console.log(choose(true));
console.log(choose(false));

function maybe(flag) {
  var before = typeof f;
  if (flag) function f() { return 'f'; }
  return before + ' -> ' + typeof f;
}
console.log('declared when executed:', maybe(true));
console.log('not declared when skipped:', maybe(false));

var topLevel = typeof conditional;
if (true) function conditional() { return 'top-level conditional'; }
console.log('top-level, before:', topLevel, 'after:', conditional());
console.log('done');
