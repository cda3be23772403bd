// Sloppy file with per-function "use strict" directives.
function sloppy() {
  return this === globalThis ? 'global' : typeof this;
}

function strict() {
  'use strict';
  return this === undefined ? 'undefined' : typeof this;
}

function strictOuter() {
  'use strict';
  function innerInherits() {
    return this === undefined ? 'undefined (inherited strict)' : 'not strict';
  }
  var arrow = () => typeof this;
  return [innerInherits(), arrow()];
}

function notADirective() {
  var x = 1;
  'use strict';
  return this === globalThis ? 'still sloppy' : 'strict';
}

function directiveAfterOther() {
  'some other directive';
  'use strict';
  return this === undefined ? 'strict after another directive' : 'sloppy';
}

console.log('sloppy():', sloppy());
console.log('strict():', strict());
console.log('strict.call(1):', strict.call(1));
console.log('sloppy.call(1):', sloppy.call(1));
console.log('strictOuter():', strictOuter().join(' / '));
console.log('notADirective():', notADirective());
console.log('directiveAfterOther():', directiveAfterOther());

var obj = {
  m: function () {
    'use strict';
    return this === obj;
  },
};
console.log('method with directive:', obj.m(), (0, obj.m)());
console.log('done');
