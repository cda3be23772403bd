// super[expr] evaluates the key expression once, after resolving the home object.
var log = [];
class Base {
  alpha() {
    return 'alpha';
  }
  beta() {
    return 'beta';
  }
}
Base.prototype[Symbol.for('gamma')] = function () {
  return 'gamma';
};
class Derived extends Base {
  call(name) {
    return super[(log.push('key ' + name), name)]();
  }
  sym() {
    return super[Symbol.for('gamma')]();
  }
  all() {
    var names = ['alpha', 'beta'];
    var out = [];
    for (var i = 0; i < names.length; i++) out.push(super[names[i]]());
    return out.join('+');
  }
}
var d = new Derived();
console.log(d.call('alpha'), d.call('beta'), log.join(','));
console.log('symbol key:', d.sym());
console.log('loop:', d.all());

var keyObj = {
  toString: function () {
    log.push('toString called');
    return 'alpha';
  },
};
log.length = 0;
console.log('object key:', d.call(keyObj), log.join(','));
console.log('done');
