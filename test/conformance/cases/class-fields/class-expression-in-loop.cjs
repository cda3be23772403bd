// Each evaluation of a class expression creates a new class with fresh private names.
var classes = [];
for (var i = 0; i < 3; i++) {
  classes.push(
    class Item {
      #id = i;
      static index = i;
      id() {
        return this.#id;
      }
      static isMine(o) {
        return #id in o;
      }
      static readFrom(o) {
        return o.#id;
      }
    }
  );
}
var instances = classes.map(function (C) {
  return new C();
});
console.log('ids (initializers read var i at construction time):', instances.map(function (o) { return o.id(); }).join(','));
console.log('static index:', classes.map(function (C) { return C.index; }).join(','));
console.log('brand check own:', classes[0].isMine(instances[0]), 'other:', classes[0].isMine(instances[1]));
try {
  classes[1].readFrom(instances[2]);
} catch (e) {
  console.log('cross-class private read:', e.constructor.name);
}
console.log('all named Item:', classes.every(function (C) { return C.name === 'Item'; }));
console.log('distinct prototypes:', classes[0].prototype !== classes[1].prototype);

function makeCounterClass(start) {
  return class {
    #n = start;
    next() {
      return this.#n++;
    }
  };
}
var A = makeCounterClass(10);
var B = makeCounterClass(100);
var a = new A();
var b = new B();
console.log('factories:', a.next(), a.next(), b.next(), 'A.name:', JSON.stringify(A.name));
console.log('done');
