// typeof, toString tags, prototypes and constructors of each function kind must be preserved.
var kinds = {
  declaration: function () {},
  arrow: () => {},
  asyncFn: async function () {},
  asyncArrow: async () => {},
  generator: function* () {},
  asyncGenerator: async function* () {},
  method: { m() {} }.m,
  getter: Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get,
  klass: class {},
  bound: function () {}.bind(null),
  builtin: Math.max,
  proxy: new Proxy(function () {}, {}),
};
Object.keys(kinds).forEach(function (k) {
  var f = kinds[k];
  var proto = Object.getPrototypeOf(f);
  console.log(
    k.padEnd(15) +
      typeof f +
      ' ' +
      Object.prototype.toString.call(f) +
      ' proto=' +
      (proto === Function.prototype ? 'Function.prototype' : proto && proto.constructor ? proto.constructor.name + '.prototype' : String(proto)) +
      ' hasPrototypeProp=' +
      Object.prototype.hasOwnProperty.call(f, 'prototype')
  );
});
console.log('generator prototype chain:', Object.getPrototypeOf(kinds.generator.prototype) === Object.getPrototypeOf(function* () {}).prototype);
console.log('class prototype non-writable:', Object.getOwnPropertyDescriptor(kinds.klass, 'prototype').writable);
console.log('function prototype writable:', Object.getOwnPropertyDescriptor(kinds.declaration, 'prototype').writable);
console.log('function.prototype.constructor:', kinds.declaration.prototype.constructor === kinds.declaration);
console.log('done');
