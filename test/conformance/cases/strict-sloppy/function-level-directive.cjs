// A sloppy file where some functions opt into strict mode with a directive prologue.
var results = [];

function sloppyOuter() {
  results.push('sloppy outer: ' + (this === globalThis));
  function strictInner() {
    'use strict';
    results.push('strict inner this: ' + this);
    var arrow = () => this;
    results.push('arrow in strict inner: ' + arrow());
    function nested() {
      results.push('nested in strict inherits: ' + this);
    }
    nested();
    try {
      undeclaredInStrict = 1;
    } catch (e) {
      results.push('strict inner assignment: ' + e.constructor.name);
    }
  }
  strictInner();
  undeclaredInSloppy = 1;
  results.push('sloppy outer assignment leaked: ' + (typeof undeclaredInSloppy));
  delete globalThis.undeclaredInSloppy;
}
sloppyOuter();

var strictExpr = function () {
  'use strict';
  return this;
};
results.push('strict function expression this: ' + strictExpr());

var strictArrowBody = () => {
  'use strict';
  return (function () {
    return this;
  })();
};
results.push('arrow with directive makes nested function strict: ' + strictArrowBody());

var objWithStrictMethod = {
  m() {
    'use strict';
    return (function () {
      return typeof this;
    })();
  },
};
results.push('strict concise method nested function: ' + objWithStrictMethod.m());

function escapedDirective() {
  'use\x20strict';
  return this === globalThis ? 'escaped directive is not a directive (sloppy)' : 'strict';
}
results.push(escapedDirective());

console.log(results.join('\n'));
console.log('done');
