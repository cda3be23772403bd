// Computed field names are evaluated once at class definition; initializers per instance.
var log = [];
var n = 0;
function key(name) {
  log.push('key:' + name);
  return name + '_' + n++;
}
function init(name) {
  log.push('init:' + name);
  return name;
}

class Fields {
  [key('a')] = init('a');
  static [key('s')] = init('s');
  [key('b')] = init('b');
  ['literal' + '_key'] = init('literal');
}
console.log('after definition:', log.join(' '));
log.length = 0;
var f1 = new Fields();
var f2 = new Fields();
console.log('after two instances:', log.join(' '));
console.log('instance keys:', Object.keys(f1).join(','), '| same for second:', Object.keys(f2).join(','));
console.log('static keys:', Object.keys(Fields).join(','));

var sym = Symbol('sym-field');
class WithSymbol {
  [sym] = 'symbol value';
  [1 + 1] = 'numeric key';
}
var w = new WithSymbol();
console.log('symbol field:', w[sym], '| numeric key:', w[2], Object.keys(w).join(','));

var keys = ['x', 'y'];
var classes = keys.map(function (k) {
  return class {
    [k] = k.toUpperCase();
  };
});
console.log('class per loop item:', classes.map(function (C) { return JSON.stringify(new C()); }).join(' '));
console.log('done');
