// return from inside loops, nested loops, and try/finally within loops.
var log = [];
function firstNegative(arr) {
  for (var i = 0; i < arr.length; i++) {
    if (arr[i] < 0) return i;
  }
  return -1;
}
console.log('firstNegative:', firstNegative([3, 2, -1, -5]), firstNegative([1]));

function nestedReturn(matrix) {
  for (var i = 0; i < matrix.length; i++) {
    for (var j = 0; j < matrix[i].length; j++) {
      if (matrix[i][j] === 'x') return 'x at ' + i + ',' + j;
    }
  }
}
console.log(nestedReturn([['a'], ['b', 'x']]), '|', nestedReturn([['a']]));

function returnFromTryInLoop(items) {
  for (var k = 0; k < items.length; k++) {
    try {
      if (items[k] === 'stop') return 'stopped at ' + k;
      log.push('item ' + items[k]);
    } finally {
      log.push('finally ' + k);
    }
  }
  return 'completed';
}
console.log(returnFromTryInLoop(['a', 'stop', 'c']), '|', log.join(', '));

log.length = 0;
function returnFromForOf() {
  var iterable = {
    [Symbol.iterator]: function () {
      var n = 0;
      return {
        next: function () {
          return { value: n++, done: false };
        },
        return: function () {
          log.push('iterator closed');
          return { done: true };
        },
      };
    },
  };
  for (var v of iterable) {
    if (v === 2) return 'returned ' + v;
  }
}
console.log(returnFromForOf(), '|', log.join(', '));

function whileTrueReturn() {
  var n = 0;
  while (true) {
    n += 3;
    if (n > 10) return n;
  }
}
console.log('while(true) return:', whileTrueReturn());

function doWhileReturn() {
  var i = 0;
  do {
    if (i === 2) return 'do-while returned at ' + i;
  } while (++i < 5);
}
console.log(doWhileReturn());
console.log('done');
