// Stack line numbers in module code: classes, arrows, nested callbacks, constructors.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

class Validator {
  constructor(rules) {
    if (!Array.isArray(rules)) {
      throw new TypeError('rules must be an array');
    }
    this.rules = rules;
  }
  check(value) {
    return this.rules.every((rule) => this.#apply(rule, value));
  }
  #apply(rule, value) {
    if (typeof rule !== 'function') throw new Error(`bad rule: ${rule}`);
    return rule(value);
  }
  static create(rules) {
    return new Validator(rules);
  }
}

const cases = [
  () => Validator.create('not-array'),
  () => Validator.create([(v) => v > 0, 'oops']).check(5),
  () => Validator.create([(v) => v.missing.deep]).check({}),
];
for (const run of cases) {
  try {
    run();
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
    console.log('  ', frames(e).join(' <- '));
  }
}

const viaSort = () =>
  [3, 1, 2].sort((x, y) => {
    if (x === 1) throw new Error('comparator failure');
    return x - y;
  });
try {
  viaSort();
} catch (e) {
  console.log(`${e.message}:`, frames(e).join(' <- '));
}
console.log('done');
