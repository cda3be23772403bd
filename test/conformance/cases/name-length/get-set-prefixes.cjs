// Accessor names get "get "/"set " prefixes; binding adds "bound ".
function show(label, fn) {
  console.log(label + ': name=' + JSON.stringify(fn.name) + ' length=' + fn.length);
}
var obj = {
  get value() {
    return 1;
  },
  set value(v) {},
  get [Symbol.for('s')]() {
    return 1;
  },
  get 'with space'() {
    return 1;
  },
  get 7() {
    return 7;
  },
};
var dv = Object.getOwnPropertyDescriptor(obj, 'value');
show('getter', dv.get);
show('setter', dv.set);
show('bound getter', dv.get.bind(obj));
show('bound setter', dv.set.bind(obj));
show('symbol getter', Object.getOwnPropertyDescriptor(obj, Symbol.for('s')).get);
show('string-with-space getter', Object.getOwnPropertyDescriptor(obj, 'with space').get);
show('numeric getter', Object.getOwnPropertyDescriptor(obj, '7').get);

class P {
  static get #hidden() {
    return 1;
  }
  static hiddenGetterName() {
    var names = [];
    try {
      names.push(typeof P.#hidden);
    } catch (e) {
      names.push(e.constructor.name);
    }
    return names.join(',');
  }
}
console.log('private static getter returns value type:', P.hiddenGetterName());

var defined = {};
Object.defineProperty(defined, 'x', { get: function () {}, set: function (v) {} });
var dd = Object.getOwnPropertyDescriptor(defined, 'x');
show('defineProperty getter (function expr in descriptor literal)', dd.get);
show('defineProperty setter', dd.set);
console.log('done');
