// new.target lets built-in constructors allocate subclass instances.
class MyArray extends Array {
  constructor(...args) {
    super(...args);
    this.createdBy = new.target.name;
  }
  sum() {
    return this.reduce((a, b) => a + b, 0);
  }
}
const arr = new MyArray(1, 2, 3);
console.log('sum:', arr.sum(), 'createdBy:', arr.createdBy, 'isArray:', Array.isArray(arr));
const mapped = arr.map((x) => x * 2);
console.log('species creates MyArray:', mapped instanceof MyArray, mapped.createdBy, mapped.length);

class MyError extends Error {
  constructor(msg) {
    super(msg);
    this.name = new.target.name;
  }
}
class NotFound extends MyError {}
const e = new NotFound('missing');
console.log(`${e.name}: ${e.message}`, e instanceof MyError, e instanceof Error);
console.log('toString:', String(e));

class MyMap extends Map {
  constructor(entries) {
    super(entries);
    this.kind = new.target.name;
  }
}
const m = new MyMap([['a', 1]]);
console.log('map subclass:', m.kind, m.get('a'), m.size);

function LegacyError(msg) {
  const err = Reflect.construct(Error, [msg], new.target);
  err.legacy = true;
  return err;
}
LegacyError.prototype = Object.create(Error.prototype, { constructor: { value: LegacyError } });
LegacyError.prototype.name = 'LegacyError';
const le = new LegacyError('old style');
console.log('legacy subclass:', le instanceof LegacyError, le.legacy, String(le));
console.log('done');
