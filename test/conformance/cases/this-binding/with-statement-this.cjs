// Sloppy `with`: calling an unqualified name found on the with-object uses that object as `this`.
var scope = {
  label: 'scope-object',
  report: function () {
    return this === globalThis ? 'global' : this.label;
  },
  nested: { label: 'nested', report: function () { return this.label; } },
};

function freeReport() {
  return this === globalThis ? 'global' : this.label;
}

with (scope) {
  console.log('report() inside with:', report());
  console.log('nested.report():', nested.report());
  console.log('freeReport() not on object:', freeReport());
  var r = report;
  console.log('r() via var alias:', r());
  console.log('(0, report)():', (0, report)());
}

function useWith(o) {
  with (o) {
    return [label, report(), typeof freeReport];
  }
}
console.log('inside function:', useWith(scope).join(','));

var proto = { label: 'from-proto', report: function () { return this.label; } };
var child = Object.create(proto);
child.label = 'child-own';
with (child) {
  console.log('inherited method through with:', report());
}

var unscopable = {
  label: 'u',
  report: function () { return 'unscopable-report'; },
};
unscopable[Symbol.unscopables] = { report: true };
var report = function () { return 'outer-report ' + (this === globalThis); };
with (unscopable) {
  console.log('Symbol.unscopables hides method:', report());
}
console.log('done');
