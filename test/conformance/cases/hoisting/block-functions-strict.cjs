'use strict';
// Strict mode: block-level function declarations are block-scoped (hoisted within the block only).
function scenario() {
  var log = [];
  log.push('before block: ' + typeof blockFn);
  {
    log.push('inside block before decl: ' + typeof blockFn + ' ' + blockFn());
    function blockFn() {
      return 'block fn';
    }
  }
  log.push('after block: ' + typeof blockFn);
  return log.join(' | ');
}
console.log(scenario());

function shadow() {
  function f() {
    return 'outer f';
  }
  var inner;
  {
    function f() {
      return 'inner f';
    }
    inner = f();
  }
  return inner + ' / ' + f();
}
console.log(shadow());

function loopDecls() {
  var fns = [];
  for (var i = 0; i < 3; i++) {
    function make() {
      return i;
    }
    fns.push(make);
  }
  return [fns[0] === fns[1], fns.map(function (f) { return f(); }).join(',')].join(' ');
}
console.log('fresh function object per iteration:', loopDecls());

function inSwitch(x) {
  switch (x) {
    case 1:
      function caseFn() {
        return 'case fn';
      }
      return caseFn();
    default:
      return typeof caseFn;
  }
}
console.log('switch block scoping:', inSwitch(1), inSwitch(2));
console.log('done');
