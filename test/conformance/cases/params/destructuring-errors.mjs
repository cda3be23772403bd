// TypeErrors from destructuring parameters with null/undefined arguments.
function attempt(label, fn) {
  try {
    console.log(`${label}: ${fn()}`);
  } catch (e) {
    console.log(`${label}: ${e.constructor.name}: ${e.message}`);
  }
}
function obj({ a }) {
  return a;
}
function arr([x]) {
  return x;
}
function nested({ p: { q } }) {
  return q;
}
attempt('object pattern, undefined', () => obj());
attempt('object pattern, null', () => obj(null));
attempt('object pattern, number', () => obj(5));
attempt('array pattern, undefined', () => arr());
attempt('array pattern, non-iterable', () => arr({}));
attempt('array pattern, string', () => arr('str'));
attempt('nested missing', () => nested({}));
attempt('nested ok', () => nested({ p: { q: 'deep' } }));
const arrowObj = ({ name }) => name;
attempt('arrow object pattern, null', () => arrowObj(null));
class K {
  m({ v }) {
    return v;
  }
}
attempt('method pattern, undefined', () => new K().m());
console.log('done');
