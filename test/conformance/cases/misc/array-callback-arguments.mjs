// Arguments passed to array callbacks (value, index, array / accumulator) and thisArg handling.
const arr = ['a', 'b', 'c'];
const seen = [];
arr.forEach(function (value, index, array) {
  seen.push(`${value}${index}${array === arr}${arguments.length}`);
});
console.log('forEach:', seen.join(' '));

console.log('reduce:', arr.reduce((acc, v, i, a) => `${acc}|${v}${i}${a.length}`, 'start'));
console.log('reduceRight without initial:', arr.reduceRight((acc, v, i) => `${acc}${v}${i}`));
console.log('map with parseInt pitfall:', ['10', '10', '10'].map(parseInt).join(','));
console.log('map with unary fn:', ['10', '10', '10'].map((s) => parseInt(s)).join(','));
console.log('findLastIndex:', [1, 5, 2, 6].findLastIndex((v, i) => v > 4 && i < 3));
console.log('flatMap:', arr.flatMap((v, i) => Array(i + 1).fill(v)).join(''));
console.log('every/some short-circuit:', (() => {
  const visits = [];
  const r1 = [1, 2, 3].every((v) => (visits.push(`e${v}`), v < 2));
  const r2 = [1, 2, 3].some((v) => (visits.push(`s${v}`), v === 2));
  return `${r1} ${r2} ${visits.join(',')}`;
})());

const sparse = [1, , 3];
const visited = [];
sparse.forEach((v, i) => visited.push(i));
console.log('holes skipped by forEach:', visited.join(','), '| map keeps holes:', sparse.map((x) => x * 2).length, 1 in sparse.map((x) => x));

const mutating = [1, 2, 3];
const visitedWhileMutating = [];
mutating.forEach((v, i, a) => {
  visitedWhileMutating.push(v);
  if (i === 0) a.push(99);
});
console.log('elements appended during forEach are not visited:', visitedWhileMutating.join(','));
console.log('thisArg with method:', [1, 2].map(function (x) { return this.mul * x; }, { mul: 7 }).join(','));
console.log('done');
