// Closures capturing catch parameters, block-scoped bindings, and switch-case lets.
const fromCatch = [];
for (const input of ['{"ok":1}', '{bad', '[1,2]', 'nope']) {
  try {
    const parsed = JSON.parse(input);
    fromCatch.push(() => `parsed ${JSON.stringify(parsed)}`);
  } catch (err) {
    fromCatch.push(() => `failed ${err.constructor.name} for ${input}`);
  }
}
console.log(fromCatch.map((f) => f()).join('\n'));

const blockClosures = [];
{
  let shared = 'first';
  blockClosures.push(() => shared);
  shared = 'second';
}
{
  let shared = 'other block';
  blockClosures.push(() => shared);
}
console.log('block scoped:', blockClosures.map((f) => f()).join(' / '));

function classify(n) {
  switch (n % 3) {
    case 0: {
      const label = 'fizz';
      return () => `${n}:${label}`;
    }
    case 1: {
      const label = 'one';
      return () => `${n}:${label}`;
    }
    default: {
      const label = 'other';
      return () => `${n}:${label}`;
    }
  }
}
console.log([3, 4, 5].map(classify).map((f) => f()).join(' '));

let later;
try {
  throw new Error('captured error');
} catch (e) {
  later = () => e.message;
  e.message = 'mutated after capture';
}
console.log('catch closure sees mutation:', later());
console.log('done');
