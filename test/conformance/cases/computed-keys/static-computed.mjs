// Static computed members, interleaved with instance members; `this` in static initializers.
const order = [];
const tag = (name) => {
  order.push(name);
  return name;
};

class Registry {
  static [tag('s1')] = tag('s1-value');
  [tag('i1')] = tag('i1-value');
  static [tag('sm')]() {
    return `static method on ${this.name}`;
  }
  static get [tag('sg')]() {
    return 'static getter';
  }
  static [tag('s2')] = this[`s1`].toUpperCase();
}
console.log('order:', order.join(' '));
console.log(Registry.sm(), '|', Registry.sg, '|', Registry.s2);

class Sub extends Registry {
  static [tag('sub') + 'Key'] = super.sm();
}
console.log('subclass static computed with super:', Sub.subKey);
console.log('done');
