// Several closures share one environment record; changes are visible to all of them.
function makeModule() {
  var value = 0;
  var listeners = [];
  function set(v) {
    value = v;
    listeners.forEach(function (l) {
      l(value);
    });
  }
  function get() {
    return value;
  }
  function subscribe(fn) {
    listeners.push(fn);
    return function unsubscribe() {
      listeners = listeners.filter(function (l) {
        return l !== fn;
      });
    };
  }
  return { set: set, get: get, subscribe: subscribe };
}
var m = makeModule();
var seen = [];
var unsub = m.subscribe(function (v) {
  seen.push('A' + v);
});
m.subscribe(function (v) {
  seen.push('B' + v);
});
m.set(1);
unsub();
m.set(2);
console.log('notifications:', seen.join(','), 'value:', m.get());

function outer() {
  var x = 'initial';
  var readers = [];
  for (var i = 0; i < 2; i++) {
    readers.push(function () {
      return x;
    });
  }
  x = 'changed after closures were created';
  return readers.map(function (r) { return r(); });
}
console.log(outer().join(' | '));

function sibling() {
  var log = [];
  var a = function () {
    log.push('a');
    return b;
  };
  var b = function () {
    log.push('b');
    return log.join('');
  };
  return a()();
}
console.log('closure referencing a later sibling:', sibling());
console.log('done');
