// Private fields: per-class brand, `#x in obj`, and TypeErrors on foreign objects.
class Counter {
  #count = 0;
  #step;
  constructor(step = 1) {
    this.#step = step;
  }
  inc() {
    this.#count += this.#step;
    return this;
  }
  get value() {
    return this.#count;
  }
  static isCounter(obj) {
    return #count in obj;
  }
  static peek(obj) {
    return obj.#count;
  }
  equals(other) {
    return #count in other && other.#count === this.#count;
  }
}

const a = new Counter().inc().inc();
const b = new Counter(2).inc();
console.log('values:', a.value, b.value, 'equal:', a.equals(b), a.equals({}));
console.log('brand checks:', Counter.isCounter(a), Counter.isCounter({ count: 1 }));
console.log('not visible as properties:', Object.keys(a).length, JSON.stringify(a), 'count' in a);

try {
  Counter.peek({});
} catch (e) {
  console.log('foreign read:', e.constructor.name, e.message);
}
try {
  Counter.isCounter(1);
} catch (e) {
  console.log('#x in primitive:', e.constructor.name);
}

const proxied = new Proxy(a, {});
try {
  proxied.value;
} catch (e) {
  console.log('proxy does not forward private access:', e.constructor.name);
}

class Sub extends Counter {
  #count = 'sub-own';
  subCount() {
    return this.#count;
  }
}
const s = new Sub().inc();
console.log('same private name in subclass is distinct:', s.value, s.subCount());
console.log('done');
