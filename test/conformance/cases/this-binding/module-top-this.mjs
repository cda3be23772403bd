// ES modules: top-level `this` is undefined and every function is strict.
console.log('top-level this:', this);

function plain() {
  return this;
}
console.log('plain():', plain());
console.log('plain.call(1):', plain.call(1));

const arrow = () => this;
console.log('arrow():', arrow());

const obj = {
  viaArrow: () => typeof this,
  viaMethod() {
    return typeof this;
  },
};
console.log('object arrow:', obj.viaArrow(), 'object method:', obj.viaMethod());

(function () {
  console.log('function IIFE this:', this);
})();

const fnThis = new Function('return this === globalThis');
console.log('new Function is sloppy even in a module:', fnThis());

let inner;
{
  inner = function () {
    return (() => this)();
  };
}
console.log('inner():', inner(), 'inner.call("s"):', inner.call('s'));
console.log('done');
