// If a computed key throws, evaluation stops: later keys/values are not evaluated.
var log = [];
function k(name) {
  log.push('key ' + name);
  if (name === 'bad') throw new Error('key ' + name + ' failed');
  return name;
}
function v(name) {
  log.push('value ' + name);
  return name;
}

var obj;
try {
  obj = { [k('a')]: v('a'), [k('bad')]: v('bad'), [k('c')]: v('c') };
} catch (e) {
  console.log('object literal:', e.message, '| log:', log.join(', '), '| obj:', obj);
}

log.length = 0;
var Cls;
try {
  Cls = class {
    [k('m1')]() {}
    static [k('s')] = v('s');
    [k('bad')]() {}
    [k('m2')]() {}
  };
} catch (e) {
  console.log('class:', e.message, '| log:', log.join(', '), '| Cls:', Cls);
}

log.length = 0;
var throwingToString = {
  toString: function () {
    throw new TypeError('cannot convert key');
  },
};
try {
  ({ [k('ok')]: 1, [throwingToString]: v('never') });
} catch (e) {
  console.log('key conversion:', e.constructor.name, e.message, '| log:', log.join(', '));
}

log.length = 0;
try {
  var o = {
    [k('x')]: v('x'),
    [k('y')]: (function () {
      throw new RangeError('value failed');
    })(),
    [k('z')]: v('z'),
  };
} catch (e) {
  console.log('value throws:', e.constructor.name, '| log:', log.join(', '));
}
console.log('done');
