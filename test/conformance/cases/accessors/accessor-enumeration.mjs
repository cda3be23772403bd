// Enumerability of accessors in classes vs object literals, and how copying treats them.
class K {
  get a() {
    return 'a';
  }
  set b(v) {}
  static get s() {
    return 's';
  }
  method() {}
}
const lit = {
  get a() {
    return 'a';
  },
  set b(v) {},
  method() {},
};

const describe = (o) =>
  Object.getOwnPropertyNames(o)
    .map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k);
      return `${k}:${'get' in d ? 'acc' : 'data'}:${d.enumerable ? 'E' : '-'}`;
    })
    .join(' ');
console.log('class prototype:', describe(K.prototype));
console.log('class static:', describe(K));
console.log('literal:', describe(lit));

const spread = { ...lit };
console.log('spread of literal:', describe(spread), JSON.stringify(spread));
console.log('for-in over instance:', (() => {
  const out = [];
  for (const k in new K()) out.push(k);
  return out.join(',') || '(nothing)';
})());
console.log('JSON of instance:', JSON.stringify(new K()), 'JSON of literal:', JSON.stringify(lit));
console.log('done');
