// Execution order of nested try/catch/finally blocks with throws at various points.
function run(label, fn) {
  var log = [];
  try {
    fn(log);
    log.push('completed normally');
  } catch (e) {
    log.push('escaped: ' + (e instanceof Error ? e.constructor.name : e));
  }
  console.log(label + ': ' + log.join(' > '));
}

run('throw in inner try', function (log) {
  try {
    try {
      log.push('inner try');
      throw 'E1';
    } catch (e) {
      log.push('inner catch ' + e);
      throw 'E2';
    } finally {
      log.push('inner finally');
    }
  } catch (e) {
    log.push('outer catch ' + e);
  } finally {
    log.push('outer finally');
  }
});

run('throw in inner finally', function (log) {
  try {
    try {
      log.push('inner try');
    } finally {
      log.push('inner finally throws');
      throw 'F1';
    }
  } finally {
    log.push('outer finally');
  }
});

run('catch throws, finally throws too', function (log) {
  try {
    throw 'A';
  } catch (e) {
    log.push('catch ' + e);
    throw 'B';
  } finally {
    log.push('finally throws C');
    throw 'C';
  }
});

run('try-finally without catch in loop', function (log) {
  for (var i = 0; i < 2; i++) {
    try {
      log.push('try ' + i);
    } finally {
      log.push('finally ' + i);
    }
  }
});

run('error in catch parameter destructuring', function (log) {
  try {
    throw null;
  } catch ({ message }) {
    log.push('unreachable');
  } finally {
    log.push('finally still runs');
  }
});
console.log('done');
