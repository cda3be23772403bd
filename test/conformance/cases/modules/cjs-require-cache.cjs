// Modules are evaluated once and cached; deleting the cache entry re-evaluates with fresh state.
var first = require('./_cache-state.cjs');
var second = require('./_cache-state.cjs');
first.add('a');
second.add('b');
console.log('same exports object:', first === second, 'items:', first.items().join(','), 'loads:', first.loads());

var resolved = require.resolve('./_cache-state.cjs');
console.log('resolved path ends with helper name:', resolved.endsWith('_cache-state.cjs'));
delete require.cache[resolved];
var third = require('./_cache-state.cjs');
console.log('after cache delete: new object:', third !== first, 'fresh items:', JSON.stringify(third.items()), 'loads:', third.loads());
console.log('old instance keeps its state:', first.items().join(','));
console.log('functions differ between instances:', first.add !== third.add);
delete globalThis.__cacheCaseLoads;
console.log('done');
