// Object literal members are evaluated strictly left to right: key, then value, member by member.
var log = [];
function k(name) {
  log.push('key ' + name);
  return name;
}
function v(name) {
  log.push('value ' + name);
  return name.toUpperCase();
}

var obj = {
  [k('a')]: v('a'),
  plain: v('plain'),
  [k('b')]: v('b'),
  [k('m')]() {
    return 'method';
  },
  get [k('g')]() {
    return 'getter';
  },
  ...(log.push('spread evaluated'), { spreadKey: 1 }),
  [k('c')]: v('c'),
};
console.log(log.join(' -> '));
console.log('result keys:', Object.keys(obj).join(','));
console.log(obj.a, obj.b, obj.c, obj.m(), obj.g);

log.length = 0;
var i = 0;
var seq = { [i++]: i, [i++]: i, [i++]: i };
console.log('counter keys:', JSON.stringify(seq), 'i =', i);

var shadow = 'outer';
var obj2 = {
  [shadow]: 1,
  shadow: 2,
  ['sh' + 'adow']: 3,
};
console.log('computed vs identifier key:', JSON.stringify(obj2));
console.log('done');
