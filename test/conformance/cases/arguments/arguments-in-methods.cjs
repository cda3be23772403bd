// arguments in methods, getters, setters, and constructors (sloppy file, but class code is strict).
var obj = {
  method(a) {
    a = 'changed';
    return arguments[0];
  },
  legacy: function (a) {
    a = 'changed';
    return arguments[0];
  },
  get getter() {
    return arguments.length;
  },
  set setter(v) {
    this.setterArgs = arguments.length + ':' + arguments[0];
  },
};
console.log('concise method (sloppy, mapped):', obj.method('orig'));
console.log('function property (sloppy, mapped):', obj.legacy('orig'));
console.log('getter arguments.length:', obj.getter);
obj.setter = 'v';
console.log('setter arguments:', obj.setterArgs);

class C {
  constructor(a) {
    a = 'changed';
    this.first = arguments[0];
    this.count = arguments.length;
  }
  m(x) {
    x = 'changed';
    return arguments[0];
  }
}
var c = new C('orig', 'extra');
console.log('class constructor (strict, unmapped):', c.first, c.count);
console.log('class method (strict, unmapped):', c.m('orig'));

function Legacy(a) {
  a = 'changed';
  this.first = arguments[0];
}
console.log('function constructor (sloppy, mapped):', new Legacy('orig').first);
console.log('done');
