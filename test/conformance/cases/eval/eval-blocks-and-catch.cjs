// Direct eval inside blocks, catch clauses and loops (sloppy mode).
function inCatch() {
  try {
    throw new Error('boom');
  } catch (err) {
    return eval('err.message + " / " + typeof err');
  }
}
console.log('catch param visible to eval:', inCatch());

function varInCatchEval() {
  try {
    throw 'x';
  } catch (e) {
    eval('var fromCatchEval = e + "!"');
  }
  return fromCatchEval;
}
console.log('eval var in catch hoists to function:', varInCatchEval());

function blockFunctionViaEval() {
  {
    eval('function inBlock() { return "eval function in block"; }');
  }
  return typeof inBlock === 'function' ? inBlock() : typeof inBlock;
}
console.log(blockFunctionViaEval());

function loopBindings() {
  var out = [];
  for (let i = 0; i < 3; i++) {
    let doubled = i * 2;
    out.push(eval('i + ":" + doubled'));
  }
  return out.join(' ');
}
console.log('per-iteration let bindings:', loopBindings());

function switchEval(v) {
  switch (v) {
    case 1: {
      let scoped = 'case one';
      return eval('scoped');
    }
    default:
      return eval('typeof scoped');
  }
}
console.log('switch:', switchEval(1), switchEval(2));
console.log('done');
