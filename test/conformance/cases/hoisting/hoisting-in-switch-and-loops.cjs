// Hoisting inside switch statements and loops (sloppy mode).
function sw(x) {
  var out = [];
  out.push('var before switch: ' + typeof v);
  switch (x) {
    case 'a':
      var v = 'from case a';
      out.push(v);
      break;
    case 'b':
      out.push('case b sees v = ' + v);
      break;
  }
  out.push('after: ' + v);
  return out.join(' | ');
}
console.log(sw('a'));
console.log(sw('b'));

function letInSwitch(x) {
  switch (x) {
    case 1:
      let shared = 'set in case 1';
      return shared;
    case 2:
      try {
        return shared;
      } catch (e) {
        return 'case 2 hits TDZ: ' + e.constructor.name;
      }
  }
}
console.log(letInSwitch(1), '|', letInSwitch(2));

function loopVar() {
  var seen = [];
  for (var i = 0; i < 3; i++) {
    seen.push(typeof later);
    var later = i;
  }
  return seen.join(',');
}
console.log('var in loop body keeps value between iterations:', loopVar());

function whileFn() {
  var n = 0;
  var results = [];
  while (n < 2) {
    results.push(n === 0 ? typeof declaredInLoop : declaredInLoop());
    function declaredInLoop() {
      return 'loop fn';
    }
    n++;
  }
  return results.join(',');
}
console.log('function declared in while body:', whileFn());
console.log('done');
