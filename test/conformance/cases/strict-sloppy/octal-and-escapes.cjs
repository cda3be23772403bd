// Numeric literal forms that are valid in both modes, plus strict-only SyntaxErrors via new Function.
// (No legacy octal literals appear in this file's own source; they are only compiled via new Function.)
var values = [0o17, 0x1f, 0b101, 1_000_000, 0.5e1, 0.1 + 0.2 === 0.3];
console.log(values.join(' | '));

function check(src) {
  try {
    return String(new Function(src)());
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('legacy octal in sloppy function:', check('return 017'));
console.log('legacy octal in strict function:', check('"use strict"; return 017'));
console.log('08 (non-octal decimal) in sloppy function:', check('return 08'));
console.log('08 in strict function:', check('"use strict"; return 08'));
console.log('octal escape in sloppy string:', check('return "\\101"'));
console.log('octal escape in strict string:', check('"use strict"; return "\\101"'));
console.log('with in strict:', check('"use strict"; with ({}) {}'));
console.log('delete identifier in strict:', check('"use strict"; var x; delete x;'));
console.log('duplicate params in strict:', check('"use strict"; (function (a, a) {})'));
console.log('eval as binding in strict:', check('"use strict"; var eval = 1;'));
console.log('done');
