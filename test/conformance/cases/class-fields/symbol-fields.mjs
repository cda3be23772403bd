// Symbol-named and well-known-symbol fields/methods.
const secret = Symbol('secret');
class Collection {
  [secret] = 'hidden-ish';
  items = ['a', 'b', 'c'];
  *[Symbol.iterator]() {
    yield* this.items;
  }
  get [Symbol.toStringTag]() {
    return 'Collection';
  }
  static [Symbol.hasInstance](v) {
    return Array.isArray(v?.items);
  }
  [Symbol.toPrimitive](hint) {
    return hint === 'number' ? this.items.length : this.items.join('');
  }
}
const c = new Collection();
console.log('iterate:', [...c].join(','));
console.log('toStringTag:', Object.prototype.toString.call(c));
console.log('hasInstance:', { items: [] } instanceof Collection, {} instanceof Collection);
console.log('toPrimitive:', +c, `${c}`);
console.log('symbol field:', c[secret]);
console.log('keys vs symbols:', Object.keys(c).join(','), Object.getOwnPropertySymbols(c).map(String).join(','));
console.log('JSON skips symbols:', JSON.stringify(c));
console.log('done');
