// Prototype chains built by hand with Object.create / setPrototypeOf / __proto__ literals.
const animal = {
  init(name) {
    this.name = name;
    return this;
  },
  speak() {
    return `${this.name} makes ${this.sound()}`;
  },
  sound() {
    return 'a sound';
  },
};
const dog = Object.create(animal, {
  sound: { value() { return 'woof'; }, enumerable: true, writable: true },
});
const puppy = Object.create(dog);
puppy.sound = function () {
  return `tiny ${Object.getPrototypeOf(puppy).sound.call(this)}`;
};
console.log(Object.create(animal).init('generic').speak());
console.log(Object.create(dog).init('rex').speak());
console.log(Object.create(puppy).init('bit').speak());

const chain = [];
for (let o = Object.create(puppy); o; o = Object.getPrototypeOf(o)) {
  chain.push(o === puppy ? 'puppy' : o === dog ? 'dog' : o === animal ? 'animal' : o === Object.prototype ? 'Object.prototype' : 'instance');
}
console.log('chain:', chain.join(' -> '));

const mixinA = { a() { return 'A'; } };
const mixinB = { __proto__: mixinA, b() { return `B+${super.a()}`; } };
const target = { __proto__: mixinB };
console.log('__proto__ literal with super:', target.b());

const swapped = { who() { return 'swapped object'; } };
const host = { call() { return this.who(); } };
Object.setPrototypeOf(host, swapped);
console.log(host.call());
Object.setPrototypeOf(host, { who: () => 'arrow on new proto' });
console.log(host.call());

const nullProto = Object.create(null);
nullProto.method = function () {
  return 'method on null-prototype object';
};
console.log(nullProto.method(), '| has toString:', 'toString' in nullProto);
try {
  Object.setPrototypeOf(animal, puppy);
} catch (e) {
  console.log('cyclic prototype chain:', e.constructor.name);
}
console.log('done');
