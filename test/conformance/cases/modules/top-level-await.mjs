// Top-level await: importers wait for dependencies; independent siblings may run before they finish.
import { log } from './_tla-log.mjs';
import { config, useConfig } from './_tla-dep.mjs';
import { sibling } from './_tla-sibling.mjs';

log.push('main: body starts');
console.log(log.join('\n'));
console.log('config:', JSON.stringify(config), useConfig(), sibling);

const results = [];
for (const n of [1, 2, 3]) {
  results.push(await Promise.resolve(n * 10));
}
console.log('awaits in a top-level loop:', results.join(','));

let caught;
try {
  await Promise.reject(new Error('top-level rejection'));
} catch (e) {
  caught = e.message;
}
console.log('top-level try/await/catch:', caught);
const { asyncValue } = await import('./_tla-dynamic.mjs');
console.log('dynamic import of TLA module:', asyncValue);
console.log('done');
