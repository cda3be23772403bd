// Classic recursive algorithms: Hanoi, Ackermann, quicksort, subsets, n-queens.
function hanoi(n, from, to, via, moves = []) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(`${from}->${to}`);
  hanoi(n - 1, via, to, from, moves);
  return moves;
}
const moves = hanoi(4, 'A', 'C', 'B');
console.log('hanoi(4):', moves.length, 'moves, first five:', moves.slice(0, 5).join(' '));

function ackermann(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
console.log('ackermann(2, 3):', ackermann(2, 3), 'ackermann(3, 3):', ackermann(3, 3));

const quicksort = ([pivot, ...rest]) =>
  pivot === undefined ? [] : [...quicksort(rest.filter((x) => x < pivot)), pivot, ...quicksort(rest.filter((x) => x >= pivot))];
console.log('quicksort:', quicksort([5, 3, 9, 1, 5, 7, 2, 8]).join(','));

function subsets(items) {
  if (items.length === 0) return [[]];
  const [first, ...rest] = items;
  const without = subsets(rest);
  return [...without, ...without.map((s) => [first, ...s])];
}
console.log('subsets:', subsets(['x', 'y', 'z']).map((s) => `{${s.join('')}}`).join(' '));

function queens(n, row = 0, cols = []) {
  if (row === n) return 1;
  let count = 0;
  for (let c = 0; c < n; c++) {
    if (cols.every((cc, r) => cc !== c && Math.abs(cc - c) !== row - r)) count += queens(n, row + 1, [...cols, c]);
  }
  return count;
}
console.log('n-queens solutions for 6 and 8:', queens(6), queens(8));
console.log('done');
