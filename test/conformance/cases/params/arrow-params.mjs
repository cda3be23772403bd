// Arrow function parameter forms: parenthesis-free, defaults, destructuring, rest, and trailing commas.
const single = x => x * 2;
const noParams = () => 'none';
const defaults = (a, b = a * 3) => [a, b];
const objectParam = ({ id, tags: [firstTag = 'none'] = [] }) => `${id}:${firstTag}`;
const restParam = (head, ...tail) => `${head}|${tail.length}`;
const trailing = (a, b,) => a + b;
const nestedArrow = (a) => (b) => (c) => a + b + c;
const withBody = (x, y) => {
  const s = x + y;
  return s * s;
};
const returnsArrowWithDefault = (base = 10) => (n = base) => n + base;

console.log(single(21), noParams(), defaults(2).join(','), defaults(2, 1).join(','));
console.log(objectParam({ id: 7 }), objectParam({ id: 8, tags: ['t'] }));
console.log(restParam('h'), restParam('h', 1, 2, 3));
console.log('trailing comma:', trailing(1, 2), 'length:', trailing.length);
console.log('curried:', nestedArrow('a')('b')('c'));
console.log('block body:', withBody(2, 3));
console.log('returned arrow default:', returnsArrowWithDefault()(), returnsArrowWithDefault(1)(5));

const counts = [];
const defaultSideEffect = (x = counts.push('evaluated')) => x;
defaultSideEffect();
defaultSideEffect(0);
defaultSideEffect();
console.log('default side effects:', counts.length);
console.log('done');
