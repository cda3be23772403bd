// CommonJS: top-level `this` is module.exports; plain functions see globalThis (sloppy).
console.log('top this === module.exports:', this === module.exports);
console.log('top this === exports:', this === exports);

this.fromThis = 1;
console.log('module.exports keys:', Object.keys(module.exports).join(','));

function plain() {
  return this === globalThis;
}
console.log('plain call sees globalThis:', plain());

var arrow = () => this === module.exports;
console.log('top-level arrow sees module.exports:', arrow());

(function () {
  console.log('IIFE this is globalThis:', this === globalThis);
})();

(() => {
  console.log('arrow IIFE this is module.exports:', this === module.exports);
})();

exports.method = function () {
  return this === module.exports;
};
console.log('exports.method():', exports.method());

module.exports = { replaced: true, check: function () { return this.replaced; } };
console.log('this after replacing module.exports:', this === module.exports, Object.keys(this).join(','));
console.log('new module.exports method:', module.exports.check());
console.log('done');
