// Setting properties on primitives: ignored in sloppy mode, TypeError in strict mode.
var str = 'text';
str.custom = 'lost';
console.log('sloppy string property:', str.custom);
var num = 42;
num.prop = 1;
console.log('sloppy number property:', num.prop);

function strictSet(value) {
  'use strict';
  try {
    value.prop = 1;
    return 'no error';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('strict string:', strictSet('s'));
console.log('strict number:', strictSet(1));
console.log('strict boolean:', strictSet(true));
console.log('strict symbol:', strictSet(Symbol('x')));
console.log('strict object:', strictSet({}));

var setterLog = [];
Object.defineProperty(Number.prototype, 'viaSetter', {
  configurable: true,
  set: function (v) {
    setterLog.push(typeof this + ':' + v);
  },
});
(5).viaSetter = 'sloppy';
(function () {
  'use strict';
  (6).viaSetter = 'strict';
})();
console.log('inherited setter still runs for primitives:', setterLog.join(', '));
delete Number.prototype.viaSetter;

Object.defineProperty(String.prototype, 'strictGetterThis', {
  configurable: true,
  get: function () {
    'use strict';
    return typeof this;
  },
});
Object.defineProperty(String.prototype, 'sloppyGetterThis', {
  configurable: true,
  get: function () {
    return typeof this;
  },
});
console.log('getter this on primitive: strict', 'x'.strictGetterThis, '/ sloppy', 'x'.sloppyGetterThis);
delete String.prototype.strictGetterThis;
delete String.prototype.sloppyGetterThis;
console.log('done');
