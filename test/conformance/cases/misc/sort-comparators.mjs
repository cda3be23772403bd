// Array.prototype.sort with comparator functions of every kind; stable sorting.
const people = [
  { name: 'ann', age: 30 },
  { name: 'bob', age: 25 },
  { name: 'cid', age: 30 },
  { name: 'dee', age: 25 },
  { name: 'eve', age: 35 },
];
const byAge = (a, b) => a.age - b.age;
console.log('stable by age:', [...people].sort(byAge).map((p) => p.name).join(','));

function byNameDesc(a, b) {
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}
console.log('by name desc:', [...people].sort(byNameDesc).map((p) => p.name).join(','));

const thenBy = (...cmps) => (a, b) => {
  for (const c of cmps) {
    const r = c(a, b);
    if (r) return r;
  }
  return 0;
};
console.log('age desc then name:', [...people].sort(thenBy((a, b) => b.age - a.age, (a, b) => a.name.localeCompare(b.name))).map((p) => `${p.name}${p.age}`).join(','));

console.log('default sort is lexicographic:', [10, 9, 1, 100].sort().join(','));
console.log('numeric:', [10, 9, 1, 100].sort((a, b) => a - b).join(','));
console.log('undefined sorts last:', [3, undefined, 1].sort((a, b) => a - b).map(String).join(','));
console.log('toSorted leaves original:', (() => {
  const arr = [3, 1, 2];
  const sorted = arr.toSorted((a, b) => b - a);
  return `${sorted} / ${arr}`;
})());

class Version {
  constructor(s) {
    this.parts = s.split('.').map(Number);
  }
  static compare(a, b) {
    for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i] - b.parts[i];
    return 0;
  }
  toString() {
    return this.parts.join('.');
  }
}
console.log('static method comparator:', ['1.10.0', '1.2.3', '1.2.10', '0.9.9'].map((s) => new Version(s)).sort(Version.compare).join(' '));
try {
  [2, 1].sort('not a function');
} catch (e) {
  console.log('non-function comparator:', e.constructor.name);
}
console.log('done');
