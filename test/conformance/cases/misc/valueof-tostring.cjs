// Implicit calls to valueOf/toString and their order in different operations.
var log = [];
function make(name, value) {
  return {
    valueOf: function () {
      log.push(name + '.valueOf');
      return value;
    },
    toString: function () {
      log.push(name + '.toString');
      return 'str(' + name + ')';
    },
  };
}
function run(label, fn) {
  log.length = 0;
  var r = fn();
  console.log(label + ': ' + r + ' | calls: ' + log.join(', '));
}
var a = make('a', 1);
var b = make('b', 2);
run('a + b', function () { return a + b; });
run('a + "x"', function () { return a + 'x'; });
run('template', function () { return `${a}${b}`; });
run('String(a)', function () { return String(a); });
run('a < b', function () { return a < b; });
run('b > a (left-to-right evaluation)', function () { return b > a; });
run('a == 1', function () { return a == 1; });
run('a === 1', function () { return a === 1; });
run('property key', function () { var o = {}; o[a] = 'v'; return Object.keys(o)[0]; });
run('Array join', function () { return [a, b].join('-'); });
run('Math.max', function () { return Math.max(a, b); });
run('unary minus', function () { return -b; });
run('isNaN', function () { return isNaN(a); });

var onlyToString = { toString: function () { log.push('only toString'); return '7'; } };
run('valueOf inherited from Object.prototype returns object', function () { return onlyToString * 2; });
run('array wrapping calls element toString', function () { return [a] + ''; });
var stringFirst = {
  [Symbol.toPrimitive]: undefined,
  valueOf: function () { log.push('sf.valueOf'); return {}; },
  toString: function () { log.push('sf.toString'); return 'fallback'; },
};
run('valueOf returning object falls back to toString', function () { return stringFirst + '!'; });
console.log('done');
