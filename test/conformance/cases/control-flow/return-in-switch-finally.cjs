// Returns inside switch cases wrapped in try/finally, and finally inside switch.
var log = [];
function handle(cmd) {
  try {
    switch (cmd) {
      case 'a':
        return 'A';
      case 'b':
        try {
          return 'B from inner try';
        } finally {
          log.push('inner finally for b');
        }
      case 'c':
        throw new Error('C failed');
      default:
        log.push('default case');
    }
    return 'after switch';
  } catch (e) {
    return 'caught ' + e.message;
  } finally {
    log.push('outer finally for ' + cmd);
  }
}
['a', 'b', 'c', 'z'].forEach(function (c) {
  log.length = 0;
  var r = handle(c);
  console.log(c + ' -> ' + r + ' | ' + log.join(', '));
});

function switchInLoop(items) {
  var out = [];
  for (var i = 0; i < items.length; i++) {
    switch (items[i]) {
      case 'skip':
        continue;
      case 'stop':
        return out.join(',') + ' (stopped)';
      default:
        out.push(items[i]);
    }
  }
  return out.join(',');
}
console.log(switchInLoop(['a', 'skip', 'b', 'stop', 'c']));
console.log(switchInLoop(['x', 'y']));
console.log('done');
