// super in object literal concise methods uses the object's [[HomeObject]] prototype.
var base = {
  greet: function () {
    return 'base greet for ' + this.name;
  },
  value: 'base-value',
};

var derived = {
  name: 'derived',
  greet() {
    return super.greet() + ' (via derived)';
  },
  readValue() {
    return super.value;
  },
  setViaSuper(v) {
    super.value = v;
    return [this.value, base.value, Object.prototype.hasOwnProperty.call(this, 'value')];
  },
};
Object.setPrototypeOf(derived, base);

console.log(derived.greet());
console.log('super.value:', derived.readValue());
console.log('super.x = v sets on this:', derived.setViaSuper('new').join(','));

var other = { greet: function () { return 'other greet for ' + this.name; } };
Object.setPrototypeOf(derived, other);
console.log('after swapping prototype:', derived.greet());

var noProto = {
  name: 'no-proto',
  m() {
    return super.toString === Object.prototype.toString;
  },
};
console.log('default proto is Object.prototype:', noProto.m());

Object.setPrototypeOf(noProto, null);
try {
  noProto.m();
} catch (e) {
  console.log('super with null proto:', e.constructor.name);
}

var level1 = { who() { return 'L1'; } };
var level2 = { __proto__: level1, who() { return 'L2>' + super.who(); } };
var level3 = { __proto__: level2, who() { return 'L3>' + super.who(); } };
console.log('__proto__ literal chain:', level3.who());
console.log('done');
