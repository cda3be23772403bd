// Sloppy mode silently ignores writes to getter-only and non-writable properties.
var o = {
  get g() {
    return 'getter';
  },
};
o.g = 'ignored';
console.log('sloppy write to getter-only:', o.g);

var frozen = Object.freeze({ a: 1 });
frozen.a = 2;
frozen.b = 3;
console.log('sloppy write to frozen:', frozen.a, frozen.b);

function strictWrite(target, key, value) {
  'use strict';
  try {
    target[key] = value;
    return 'ok';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('strict helper, getter-only:', strictWrite(o, 'g', 1));
console.log('strict helper, frozen:', strictWrite(frozen, 'a', 1));
console.log('strict helper, frozen new key:', strictWrite(frozen, 'zz', 1));

var inherited = Object.create(o);
inherited.g = 'also ignored';
console.log('inherited getter-only blocks own property creation:', inherited.g, Object.keys(inherited).length);

Object.defineProperty(inherited, 'g', { value: 'defined directly', enumerable: true });
console.log('defineProperty bypasses:', inherited.g);
console.log('done');
