// Generator functions as object-literal members, expressions, and IIFEs.
var computedName = 'dynamic';
var api = {
  *[computedName](limit) {
    for (var i = 0; i < limit; i++) yield computedName + i;
  },
  gen: function* named() {
    yield named.name;
  },
  nestedFactory: function () {
    return function* () {
      yield 'from factory';
    };
  },
};
console.log(Array.from(api.dynamic(3)).join(','));
console.log('named generator expression:', api.gen().next().value);
console.log(api.nestedFactory()().next().value);

var iifeValues = Array.from(
  (function* () {
    yield 'iife-1';
    yield 'iife-2';
  })()
);
console.log('generator IIFE:', iifeValues.join(','));

var iterable = {
  from: 1,
  to: 4,
  [Symbol.iterator]: function* () {
    for (var v = this.from; v <= this.to; v++) yield v;
  },
};
console.log('iterable object:', Array.from(iterable).join(','), Math.max.apply(null, Array.from(iterable)));

var entries = Object.entries({ a: 1, b: 2 });
function* pairs() {
  for (var [k, v] of entries) yield k + '=' + v;
}
console.log('destructuring in generator loop:', Array.from(pairs()).join('&'));
console.log('done');
