// Return statements whose expressions contain functions that themselves contain returns.
function makeOps() {
  return {
    add: function (a, b) {
      return a + b;
    },
    twice: (f) => (x) => {
      return f(f(x));
    },
    klass: class {
      static make() {
        return 'made by static';
      }
    },
    get lazy() {
      return function () {
        return 'lazy value';
      };
    },
  };
}
var ops = makeOps();
console.log(ops.add(2, 3), ops.twice(function (x) { return x * 3; })(2), ops.klass.make(), ops.lazy());

function returnIIFE(flag) {
  return (function () {
    if (flag) return 'iife early';
    return 'iife late';
  })();
}
console.log(returnIIFE(true), '|', returnIIFE(false));

function returnConditionalFunctions(kind) {
  return kind === 'up'
    ? function (s) {
        return s.toUpperCase();
      }
    : function (s) {
        return s.toLowerCase();
      };
}
console.log(returnConditionalFunctions('up')('MiXeD'), returnConditionalFunctions('down')('MiXeD'));

function returnArrayOfClosures() {
  var list = [];
  for (var i = 0; i < 3; i++) {
    list.push(
      (function (j) {
        return function () {
          return 'closure ' + j;
        };
      })(i)
    );
  }
  return list.map(function (f) {
    return f();
  });
}
console.log(returnArrayOfClosures().join(', '));

function returnGenerator() {
  return (function* () {
    yield 'from returned generator';
    return 'generator return value';
  })();
}
var g = returnGenerator();
console.log(g.next().value, '|', g.next().value);
console.log('done');
