// Sloppy mode (Annex B): functions declared in blocks are also var-bound in the enclosing function.
function scenario() {
  var log = [];
  log.push('before block: ' + typeof blockFn);
  {
    log.push('inside block, before decl: ' + typeof blockFn);
    function blockFn() {
      return 'block fn';
    }
  }
  log.push('after block: ' + typeof blockFn + ' -> ' + blockFn());
  return log.join(' | ');
}
console.log(scenario());

function notExecuted() {
  var r = typeof skipped;
  if (false) {
    function skipped() {}
  }
  return r + ' / after: ' + typeof skipped;
}
console.log('block not executed:', notExecuted());

function reassignedInBlock() {
  var log = [];
  {
    function f() {
      return 1;
    }
    f = function () {
      return 2;
    };
    log.push('inner binding reassigned: ' + f());
  }
  log.push('outer var binding got declaration value: ' + f());
  return log.join(' | ');
}
console.log(reassignedInBlock());

function conflictsWithLet() {
  let g = 'let binding';
  {
    function g() {}
  }
  return typeof g;
}
console.log('no var binding when it would conflict with let:', conflictsWithLet());

function twoBlocks(flag) {
  if (flag) {
    function pick() {
      return 'first';
    }
  } else {
    function pick() {
      return 'second';
    }
  }
  return pick();
}
console.log('chosen by executed block:', twoBlocks(true), twoBlocks(false));
console.log('done');
