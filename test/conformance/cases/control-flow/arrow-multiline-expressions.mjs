// Arrow functions whose expression bodies span several lines.
const compute = (a, b) =>
  a * 2 +
  b * 3 -
  1;
console.log('multi-line arithmetic:', compute(2, 3));

const describe = (user) =>
  user.admin
    ? `admin ${user.name}`
    : user.guest
      ? 'guest'
      : `user ${user.name}`;
console.log([{ admin: true, name: 'a' }, { guest: true }, { name: 'u' }].map(describe).join(' | '));

const pipeline = (items) =>
  items
    .filter((x) => x % 2)
    .map((x) => x * x)
    .reduce((a, b) => a + b, 0);
console.log('chained calls:', pipeline([1, 2, 3, 4, 5]));

const template = (name, count) =>
  `Hello ${name},
you have ${count} new ${count === 1 ? 'message' : 'messages'}.`;
console.log(template('Ada', 2));

const objectBody = (id) =>
  ({
    id,
    label: `item-${id}`,
  });
console.log(JSON.stringify(objectBody(3)));

const nestedArrows = (a) =>
  (b) =>
    (c) =>
      [a, b, c].join('');
console.log('nested:', nestedArrows('x')('y')('z'));

const awaited = async (v) =>
  await Promise.resolve(
    v + 1
  );
console.log('async multi-line:', await awaited(41));

const logical = (o) =>
  o?.a ??
  o?.b ??
  'fallback';
console.log('nullish chain:', logical({ b: 'b' }), logical(null));
console.log('done');
