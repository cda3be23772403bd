// Run with: kheiron run -- examples/quickstart/app.js   (or npm run demo)
import { attach, functions } from '../../dist/src/index.js';
import { LruCache } from './cache.js';

console.log('prepared functions:');
for (const f of functions('**/cache.js#**')) console.log(`  ${f.id}  ${f.kind.padEnd(11)} ${f.name}  (line ${f.line})`);

const cache = new LruCache(2);
cache.set('a', 1).set('b', 2).set('c', 3);
console.log(`\ndormant: size ${cache.size}, get('a') = ${cache.get('a')}, get('c') = ${cache.get('c')}`);

// Observe every call of the cache's methods: before, after, onThrow.
const trace = attach({
  target: '**/cache.js#LruCache.prototype.*',
  before: (ctx) => console.log(`  -> ${ctx.entry.name}(${ctx.args.map((a) => JSON.stringify(a)).join(', ')})`),
  after: (ctx) => console.log(`  <- ${ctx.entry.name} = ${ctx.result === cache ? 'this' : JSON.stringify(ctx.result)}`),
  onThrow: (ctx) => console.log(`  !! ${ctx.entry.name} threw ${ctx.error}`),
});
console.log('\nattached a trace to', trace.functions.map((f) => f.name).join(', '));
cache.get('c');
trace.detach();

// A repair: a negative capacity is a caller's mistake; clamp it instead of crashing later.
const clamp = attach({
  target: '**/cache.js#LruCache.constructor',
  before: (ctx) => {
    if (typeof ctx.args[0] !== 'number' || ctx.args[0] < 1) ctx.replaceArgs(1);
  },
});
const odd = new LruCache(-5);
odd.set('x', 1);
console.log(`\nrepaired constructor: capacity ${odd.capacity}, size ${odd.size}`);
clamp.detach();

// After detach, the functions are dormant again: the original behaviour comes back.
try {
  new LruCache(-5).set('x', 1);
} catch (error) {
  console.log(`detached: the original bug is back: ${error.message}`);
}
