// Exceptions thrown from constructors, field initializers and static blocks.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

let created = 0;
class Strict {
  id = ++created;
  constructor(value) {
    if (value == null) throw new TypeError('value required');
    this.value = value;
  }
}
class FailingField {
  ok = 'fine';
  broken = this.compute();
  compute() {
    throw new Error('field initializer failed');
  }
}
class DerivedFails extends Strict {
  constructor() {
    super(null);
  }
}

for (const make of [() => new Strict(), () => new FailingField(), () => new DerivedFails()]) {
  try {
    make();
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message} | ${frames(e).join(' <- ')}`);
  }
}
console.log('field initializers ran before the constructor body threw:', created);

let staticLog = [];
try {
  class BadStatic {
    static a = staticLog.push('a');
    static {
      throw new Error('static block failed');
    }
    static b = staticLog.push('b');
  }
} catch (e) {
  console.log(`${e.message} | ran: ${staticLog.join(',')} | ${frames(e).join(' <- ')}`);
}

function Legacy(x) {
  if (!(this instanceof Legacy)) throw new Error('use new');
  if (x < 0) throw new RangeError('negative');
  this.x = x;
}
for (const make of [() => Legacy(1), () => new Legacy(-1), () => new Legacy(2)]) {
  try {
    console.log('legacy ok:', make().x);
  } catch (e) {
    console.log(`legacy: ${e.constructor.name} ${e.message}`);
  }
}
console.log('done');
