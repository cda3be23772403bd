// In ES modules all code is strict: plain calls give undefined `this`.
function plain() {
  return typeof this;
}
const arrow = () => typeof this;
const obj = {
  method() {
    return typeof this;
  },
};
const { method } = obj;

console.log('module top-level this:', typeof this);
console.log('plain():', plain());
console.log('arrow():', arrow());
console.log('obj.method():', obj.method());
console.log('detached method():', method());
console.log('plain.call(1):', plain.call(1));
console.log('plain.call(null):', plain.call(null));
console.log('new Function body is sloppy:', new Function('return typeof this')());
console.log('indirect eval is sloppy:', (0, eval)('(function () { return typeof this; })()'));
console.log('direct eval inherits strictness:', eval('(function () { return typeof this; })()'));
console.log('done');
