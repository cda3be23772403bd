// A rejection handled later in the same tick (before the microtask checkpoint) is not "unhandled".
var events = [];
process.on('unhandledRejection', function (reason) {
  events.push('unhandledRejection: ' + (reason && reason.message));
});
process.on('rejectionHandled', function () {
  events.push('rejectionHandled');
});

async function failing(msg) {
  throw new Error(msg);
}

var p1 = failing('handled synchronously after creation');
p1.catch(function (e) {
  events.push('p1 caught: ' + e.message);
});

var p2 = failing('handled in a microtask');
Promise.resolve().then(function () {
  p2.catch(function (e) {
    events.push('p2 caught: ' + e.message);
  });
});

var p3 = failing('chained catch').then(function () {
  events.push('never');
});
p3.then(null, function (e) {
  events.push('p3 caught via then(null, fn): ' + e.message);
});

var p4 = Promise.reject(new Error('finally then catch'))
  .finally(function () {
    events.push('finally ran');
  })
  .catch(function (e) {
    events.push('p4 caught: ' + e.message);
  });

setImmediate(function () {
  setImmediate(function () {
    console.log(events.join('\n'));
    console.log('done');
  });
});
