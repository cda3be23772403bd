// Rejections flowing through promise chains and being handled with .catch / second then arg.
var log = [];
function step(name, fail) {
  return function (v) {
    log.push(name + '(' + v + ')');
    if (fail) throw new Error(name + ' failed');
    return v + 1;
  };
}

Promise.resolve(0)
  .then(step('a'))
  .then(step('b', true))
  .then(step('c'))
  .catch(function (e) {
    log.push('catch: ' + e.message);
    return 100;
  })
  .then(step('d'))
  .then(function (v) {
    log.push('final ' + v);
    console.log(log.join(' -> '));
    log.length = 0;
    return Promise.reject(new TypeError('second chain'))
      .then(step('skipped'), function (e) {
        log.push('then onRejected: ' + e.constructor.name);
        throw new RangeError('thrown from onRejected');
      })
      .catch(function (e) {
        log.push('catch: ' + e.constructor.name);
      })
      .finally(function () {
        log.push('finally');
        return 'finally return value is ignored';
      });
  })
  .then(function (v) {
    log.push('after finally value: ' + v);
    console.log(log.join(' -> '));
    return new Promise(function (_, reject) {
      reject(new Error('rejected in executor'));
      throw new Error('throw after reject is ignored');
    });
  })
  .catch(function (e) {
    console.log('executor:', e.message);
    console.log('done');
  });
