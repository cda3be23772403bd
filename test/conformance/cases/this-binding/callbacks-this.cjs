// `this` inside callbacks passed to builtins (sloppy file).
var ctx = { prefix: 'ctx' };
var results = [];

[1, 2].forEach(function (x) {
  results.push((this === globalThis ? 'global' : this.prefix) + x);
});
[1, 2].forEach(function (x) {
  results.push((this === globalThis ? 'global' : this.prefix) + x);
}, ctx);
console.log(results.join(' '));

var mapped = [10, 20].map(function (x) {
  return this.prefix + ':' + x;
}, ctx);
console.log(mapped.join(' '));

var arrowMapped = [10, 20].map((x) => typeof this + ':' + (this === module.exports), ctx);
console.log('arrow ignores thisArg:', arrowMapped.join(' '));

var filtered = [1, 2, 3, 4].filter(function (x) {
  return x > this.min;
}, { min: 2 });
console.log('filter thisArg:', filtered.join(','));

var found = [5, 6, 7].find(function (x) {
  return x === this.target;
}, { target: 6 });
console.log('find thisArg:', found);

var fromResult = Array.from([1, 2], function (x) {
  return x * this.factor;
}, { factor: 3 });
console.log('Array.from thisArg:', fromResult.join(','));

var strictResults = [1].map(function () {
  'use strict';
  return typeof this;
});
console.log('strict callback without thisArg:', strictResults[0]);

var sortThis = [];
[3, 1, 2].sort(function (a, b) {
  sortThis.push(this === globalThis);
  return a - b;
});
console.log('sort comparator this is global:', sortThis.every(Boolean));

var replaced = 'a-b'.replace(/-/, function () {
  return this === globalThis ? '[global]' : '[other]';
});
console.log('replace callback:', replaced);
console.log('done');
