// Labeled break/continue across nested loops inside functions.
function findPair(matrix, target) {
  var found = null;
  search: for (var i = 0; i < matrix.length; i++) {
    for (var j = 0; j < matrix[i].length; j++) {
      if (matrix[i][j] === target) {
        found = [i, j];
        break search;
      }
    }
  }
  return found;
}
var grid = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
console.log('found 6 at:', findPair(grid, 6).join(','), '| missing:', findPair(grid, 10));

function skipRows(matrix) {
  var sums = [];
  rows: for (var r = 0; r < matrix.length; r++) {
    var sum = 0;
    for (var c = 0; c < matrix[r].length; c++) {
      if (matrix[r][c] % 5 === 0) continue rows;
      sum += matrix[r][c];
    }
    sums.push(sum);
  }
  return sums;
}
console.log('rows without a multiple of 5:', skipRows(grid).join(','));

function labeledBlock(x) {
  var log = [];
  check: {
    log.push('start');
    if (x > 0) break check;
    log.push('non-positive path');
  }
  log.push('after block');
  return log.join(' > ');
}
console.log(labeledBlock(1), '|', labeledBlock(-1));

function nestedLabels() {
  var out = [];
  outer: for (var a = 0; a < 3; a++) {
    middle: for (var b = 0; b < 3; b++) {
      for (var c = 0; c < 3; c++) {
        if (c === 1) continue middle;
        if (b === 2) continue outer;
        if (a === 2) break outer;
        out.push('' + a + b + c);
      }
    }
  }
  return out.join(' ');
}
console.log('nested labels:', nestedLabels());

function labelOnDoWhile() {
  var n = 0;
  loop: do {
    n++;
    if (n < 5) continue loop;
    break loop;
  } while (true);
  return n;
}
console.log('labeled do-while:', labelOnDoWhile());
console.log('done');
