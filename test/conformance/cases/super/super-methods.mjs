// super.method() calls the parent implementation with the current `this`.
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return `${this.name} makes a sound`;
  }
  describe(extra = '') {
    return `[${this.constructor.name}] ${this.speak()}${extra}`;
  }
}
class Dog extends Animal {
  speak() {
    return `${super.speak()} (woof)`;
  }
  describe() {
    return super.describe(' !dog');
  }
}
class Puppy extends Dog {
  speak() {
    return `${super.speak()} (tiny)`;
  }
}

console.log(new Animal('generic').describe());
console.log(new Dog('rex').describe());
console.log(new Puppy('bit').describe());

class Counter {
  count = 0;
  inc() {
    this.count += 1;
    return this;
  }
}
class DoubleCounter extends Counter {
  inc() {
    super.inc();
    return super.inc();
  }
}
const dc = new DoubleCounter().inc().inc();
console.log('super call returns this:', dc.count, dc instanceof DoubleCounter);

class Stringy {
  toString() {
    return `Stringy<${super.toString()}>`;
  }
}
console.log(String(new Stringy()));

class Chain extends Dog {
  speak() {
    const parentSpeak = super.speak;
    try {
      return parentSpeak();
    } catch (e) {
      return `detached super method: ${e.constructor.name}; bound: ${parentSpeak.call(this)}`;
    }
  }
}
console.log(new Chain('c').speak());
console.log('done');
