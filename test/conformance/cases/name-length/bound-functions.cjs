// Bound functions: name gets a "bound " prefix, length is reduced by bound args (min 0).
function show(label, fn) {
  console.log(label + ': name=' + JSON.stringify(fn.name) + ' length=' + fn.length);
}
function three(a, b, c) {}
show('original', three);
show('bind no args', three.bind(null));
show('bind 1 arg', three.bind(null, 1));
show('bind 3 args', three.bind(null, 1, 2, 3));
show('bind 5 args', three.bind(null, 1, 2, 3, 4, 5));
show('bound twice', three.bind(null, 1).bind(null, 2));

var anon = function () {};
show('bound anonymous (var-named)', anon.bind(null));
show('bound truly anonymous', (0, function () {}).bind(null));
show('bound arrow', ((x, y) => x).bind(null));

var obj = {
  get g() {
    return 1;
  },
};
show('bound getter', Object.getOwnPropertyDescriptor(obj, 'g').get.bind(obj));

function withCustomLength() {}
Object.defineProperty(withCustomLength, 'length', { value: 10 });
show('custom length', withCustomLength.bind(null, 1, 2));
Object.defineProperty(withCustomLength, 'name', { value: 'renamed' });
show('custom name', withCustomLength.bind(null));
Object.defineProperty(withCustomLength, 'name', { value: 123 });
show('non-string name', withCustomLength.bind(null));

function rest(a, ...r) {}
show('rest bound', rest.bind(null, 1, 2));

class Klass {
  constructor(a, b) {}
}
show('bound class', Klass.bind(null, 1));
console.log('done');
