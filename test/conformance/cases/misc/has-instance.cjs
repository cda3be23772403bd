// instanceof consults Symbol.hasInstance, then falls back to prototype chain checks.
var log = [];
class Even {
  static [Symbol.hasInstance](n) {
    log.push('Even.hasInstance(' + n + ')');
    return typeof n === 'number' && n % 2 === 0;
  }
}
console.log('2 instanceof Even:', 2 instanceof Even, '| 3:', 3 instanceof Even, '| log:', log.join(','));

var Duck = {
  [Symbol.hasInstance]: function (obj) {
    return obj !== null && typeof obj === 'object' && typeof obj.quack === 'function';
  },
};
console.log('duck typing:', { quack: function () {} } instanceof Duck, {} instanceof Duck);

function Legacy() {}
var inst = new Legacy();
console.log('ordinary function:', inst instanceof Legacy, Legacy[Symbol.hasInstance] === Function.prototype[Symbol.hasInstance]);

var Bound = Legacy.bind(null);
console.log('bound function uses target prototype:', inst instanceof Bound);

Legacy.prototype = {};
console.log('after replacing prototype:', inst instanceof Legacy);

var arrow = () => {};
try {
  ({}) instanceof arrow;
} catch (e) {
  console.log('arrow has no prototype:', e.constructor.name);
}
try {
  ({}) instanceof {};
} catch (e) {
  console.log('non-callable right-hand side:', e.constructor.name);
}

class Base {}
class Sub extends Base {}
console.log('class chain:', new Sub() instanceof Base, Object.create(Sub.prototype) instanceof Base);
console.log('Function.prototype[Symbol.hasInstance] called directly:', Function.prototype[Symbol.hasInstance].call(Base, new Sub()));
console.log('done');
