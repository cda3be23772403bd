// Static fields: `this` is the class, evaluated once in order, and not inherited as own properties.
const order = [];
class Config {
  static defaults = { retries: 3 };
  static retries = (order.push('retries'), this.defaults.retries);
  static doubled = (order.push('doubled'), this.retries * 2);
  static self = this;
  static fn = function () {
    return this === Config;
  };
  static arrow = () => this.name;
}
console.log('order:', order.join(','));
console.log('values:', Config.retries, Config.doubled, Config.self === Config);
console.log('function field called as method:', Config.fn());
console.log('arrow field this is the class:', Config.arrow.call(null));

class Child extends Config {
  static extra = this.retries + 1;
}
console.log('inherited via prototype chain:', Child.retries, 'own?', Object.hasOwn(Child, 'retries'));
console.log('child static field using inherited value:', Child.extra);
console.log('child arrow still refers to Config:', Child.arrow());

Child.retries = 99;
console.log('assignment creates own property on Child:', Child.retries, Config.retries);

console.log('static own keys:', Object.keys(Config).join(','));
console.log('done');
