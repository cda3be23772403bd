// The async factory pattern: constructors cannot be async, so a static async method builds the object.
class Connection {
  #open = false;
  static #count = 0;
  constructor(url, token) {
    if (token !== Connection.#token) throw new TypeError('use Connection.open()');
    this.url = url;
    Connection.#count++;
  }
  static #token = Symbol('ctor');
  static async open(url) {
    const conn = new Connection(url, Connection.#token);
    await conn.#handshake();
    return conn;
  }
  async #handshake() {
    await null;
    this.#open = true;
  }
  async query(sql) {
    if (!this.#open) throw new Error('closed');
    await Promise.resolve();
    return `${this.url}: ${sql}`;
  }
  async close() {
    await null;
    this.#open = false;
    return Connection.#count;
  }
}

try {
  new Connection('x');
} catch (e) {
  console.log(e.constructor.name, e.message);
}
const c = await Connection.open('db://one');
console.log(await c.query('select 1'));
const [a, b] = await Promise.all([Connection.open('db://a'), Connection.open('db://b')]);
console.log(await a.query('q'), '|', await b.query('q'));
console.log('count at close:', await c.close());
try {
  await c.query('after close');
} catch (e) {
  console.log('after close:', e.message);
}

const thenableInstance = {
  then(resolve) {
    resolve('awaiting an object with then() unwraps it');
  },
};
class Weird {
  static async make() {
    return thenableInstance;
  }
}
console.log(await Weird.make());
console.log('done');
