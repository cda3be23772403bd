// `typeof this` in plain calls: sloppy functions see the global object, strict ones undefined.
function sloppy() {
  return typeof this + (this === globalThis ? ' (globalThis)' : '');
}
function strict() {
  'use strict';
  return typeof this;
}
var sloppyArrow = () => typeof this + (this === module.exports ? ' (module.exports)' : '');

console.log('sloppy():', sloppy());
console.log('strict():', strict());
console.log('arrow at CJS top level:', sloppyArrow());
console.log('sloppy.call(undefined):', sloppy.call(undefined));
console.log('strict.call(undefined):', strict.call(undefined));
console.log('sloppy.call("x"):', sloppy.call('x'));
console.log('strict.call("x"):', strict.call('x'));

class K {
  static check() {
    return typeof this;
  }
  check() {
    return typeof this;
  }
}
var detachedStatic = K.check;
var detachedProto = K.prototype.check;
console.log('class code is strict, even in a sloppy file:', detachedStatic(), detachedProto());

var obj = {
  concise() {
    return typeof this + (this === globalThis ? ' (globalThis)' : '');
  },
};
var detachedConcise = obj.concise;
console.log('concise method in sloppy file, detached:', detachedConcise());
console.log('done');
