// super inside async methods and generator methods.
class Source {
  async load(id) {
    await null;
    return `record-${id}`;
  }
  *items() {
    yield 1;
    yield 2;
  }
  async *stream() {
    yield 'a';
    yield 'b';
  }
}
class Cached extends Source {
  cache = new Map();
  async load(id) {
    if (!this.cache.has(id)) this.cache.set(id, await super.load(id));
    return `cached:${this.cache.get(id)}`;
  }
  *items() {
    yield 0;
    yield* super.items();
    yield 3;
  }
  async *stream() {
    for await (const x of super.stream()) yield x.toUpperCase();
  }
}
const c = new Cached();
console.log(await c.load(1), await c.load(1), c.cache.size);
console.log('generator with super:', [...c.items()].join(','));
const out = [];
for await (const x of c.stream()) out.push(x);
console.log('async generator with super:', out.join(','));
console.log('done');
