// Methods keyed by symbols get "[description]" names; symbols without descriptions give "".
function show(label, fn) {
  console.log(label + ': name=' + JSON.stringify(fn.name) + ' length=' + fn.length);
}
var noDesc = Symbol();
var emptyDesc = Symbol('');
var described = Symbol('my.symbol');

var obj = {
  [Symbol.iterator]() {},
  *[Symbol.asyncIterator]() {},
  [noDesc]() {},
  [emptyDesc]() {},
  [described](a, b) {},
  get [described.description]() {},
};
show('Symbol.iterator method', obj[Symbol.iterator]);
show('Symbol.asyncIterator generator', obj[Symbol.asyncIterator]);
show('no description', obj[noDesc]);
show('empty description', obj[emptyDesc]);
show('described', obj[described]);
show('getter keyed by description string', Object.getOwnPropertyDescriptor(obj, 'my.symbol').get);

class C {
  static [Symbol.hasInstance](v) {}
  get [Symbol.toStringTag]() {
    return 'C';
  }
  [Symbol.toPrimitive](hint) {}
}
show('static Symbol.hasInstance', C[Symbol.hasInstance]);
show('getter Symbol.toStringTag', Object.getOwnPropertyDescriptor(C.prototype, Symbol.toStringTag).get);
show('Symbol.toPrimitive', C.prototype[Symbol.toPrimitive]);

var assigned = {};
assigned[Symbol.iterator] = function () {};
show('assigned via member (not named)', assigned[Symbol.iterator]);
var literalValue = { [described]: () => {} };
show('arrow as symbol-keyed value', literalValue[described]);
console.log('done');
