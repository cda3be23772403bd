// Computed method keys in classes are evaluated exactly once, in source order, at definition time.
const log = [];
let counter = 0;
const key = (name) => {
  log.push(`eval ${name}#${++counter}`);
  return name;
};

class Api {
  [key('get')]() {
    return 'GET';
  }
  static [key('create')]() {
    return 'CREATE';
  }
  [key('post')]() {
    return 'POST';
  }
  get [key('status')]() {
    return 'ok';
  }
  set [key('status')](v) {
    this._status = v;
  }
  *[key('gen')]() {
    yield 1;
  }
  async [key('fetch')]() {
    return 'fetched';
  }
}
console.log('definition:', log.join(', '));
log.length = 0;

const a = new Api();
const b = new Api();
console.log(a.get(), b.post(), Api.create(), a.status, [...a.gen()].join(''), await a.fetch());
console.log('no re-evaluation on use:', log.length === 0);
console.log('method names:', Object.getOwnPropertyNames(Api.prototype).join(','));
console.log('function names:', a.get.name, Api.create.name, a.gen.name, a.fetch.name);

const makeClass = () =>
  class {
    [key('dyn')]() {}
  };
makeClass();
makeClass();
console.log('each class evaluation evaluates keys again:', log.join(', '));
console.log('done');
