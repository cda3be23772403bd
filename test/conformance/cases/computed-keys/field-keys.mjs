// Class field keys: computed once at definition; initializers run per instance in order.
const log = [];
let n = 0;
const key = (label) => {
  log.push(`key:${label}`);
  return `${label}${n++}`;
};
const val = (label) => {
  log.push(`val:${label}`);
  return label;
};

class Mixed {
  [key('f')] = val('f');
  [key('m')]() {}
  static [key('sf')] = val('sf');
  [key('g')] = val('g');
  static [key('sm')]() {}
}
console.log('definition time:', log.join(' '));
log.length = 0;
const inst = new Mixed();
console.log('construction time:', log.join(' '));
console.log('instance keys:', Object.keys(inst).join(','));
console.log('static keys:', Object.getOwnPropertyNames(Mixed).join(','));
console.log('prototype keys:', Object.getOwnPropertyNames(Mixed.prototype).join(','));

const ref = { current: 'first' };
class Captured {
  [ref.current] = ref.current;
}
ref.current = 'second';
console.log('key fixed at definition, value read per instance:', JSON.stringify(new Captured()));
console.log('done');
