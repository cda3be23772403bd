// Dynamic import(): returns the same namespace for repeated imports, works inside functions.
async function load() {
  return import('./_dyn-target.mjs');
}
const a = await load();
const b = await import('./_dyn-target.mjs');
console.log('same namespace object:', a === b, 'evaluated once, loads =', a.loads);
console.log(a.greet('dyn'), '|', a.default(), '|', a.default.name);

const missing = await import('./_does-not-exist.mjs').then(
  () => 'loaded?!',
  (e) => `rejected with ${e.constructor.name} ${e.code}`
);
console.log('missing module:', missing);

const specifier = './_dyn' + '-target.mjs';
const c = await import(specifier);
console.log('computed specifier resolves to same module:', c === a);

function lazyLoader() {
  let promise;
  return () => (promise ??= import('./_dyn-target.mjs').then((m) => m.greet('lazy')));
}
const get = lazyLoader();
console.log(await get(), (await get()) === (await get()));
console.log('done');
