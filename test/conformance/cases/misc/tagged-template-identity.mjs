// Tagged templates: the strings array is frozen and identical across calls from the same site.
const seen = [];
function tag(strings, ...values) {
  seen.push(strings);
  return strings.raw.map((s, i) => s + (i < values.length ? `[${values[i]}]` : '')).join('');
}
function render(x) {
  return tag`value: ${x}!`;
}
console.log(render(1), render(2));
console.log('same site -> same strings object:', seen[0] === seen[1]);
const other = tag`value: ${3}!`;
console.log('different site with identical text -> different object:', seen[2] !== seen[0], other);
console.log('frozen:', Object.isFrozen(seen[0]), Object.isFrozen(seen[0].raw));
console.log('raw vs cooked:', JSON.stringify(((s) => [s[0], s.raw[0]])`line\nbreak`));

const loop = [];
for (let i = 0; i < 3; i++) loop.push(((s) => s)`loop site ${i}`);
console.log('loop iterations share the site object:', loop[0] === loop[1] && loop[1] === loop[2]);

const cache = new WeakMap();
function memoTag(strings, ...vals) {
  if (!cache.has(strings)) cache.set(strings, { compiled: strings.join('{}'), uses: 0 });
  const entry = cache.get(strings);
  entry.uses++;
  return `${entry.compiled} <- ${vals.join(',')} (use ${entry.uses})`;
}
const greet = (n) => memoTag`Hello ${n}, welcome`;
console.log(greet('a'));
console.log(greet('b'));
console.log(memoTag`Hello ${'c'}, welcome`);

const invalidEscape = ((s) => [s[0], s.raw[0]])`\unicode`;
console.log('invalid escape: cooked', invalidEscape[0], 'raw', invalidEscape[1]);
console.log('done');
