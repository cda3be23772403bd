// Field initializers are evaluated like methods: `this` is the instance, each runs in its own scope.
var outerValue = 'outer';
class Fields {
  a = this.constructor.name;
  b = outerValue;
  c = (function () {
    return typeof this;
  })();
  d = [1, 2].map((x) => x + this.a.length);
  e = (() => {
    var local = 'iife local';
    return local;
  })();
  getE = () => this.e;
}
var f = new Fields();
console.log(JSON.stringify(f));
console.log('getE:', f.getE());
outerValue = 'changed';
console.log('initializer reads variable at construction time:', new Fields().b, f.b);

class Sub extends Fields {}
console.log('this.constructor in inherited initializer:', new Sub().a);

var counter = 0;
class Ids {
  id = ++counter;
}
console.log('ids:', new Ids().id, new Ids().id, new Ids().id);
console.log('done');
