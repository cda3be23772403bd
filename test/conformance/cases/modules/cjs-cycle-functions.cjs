// CJS cycle where a hoisted function declaration is exported before the cyclic require.
var a = require('./_cjs-cycle2-a.cjs');
var b = require('./_cjs-cycle2-b.cjs');
console.log('b computed during load:', b.duringLoad);
console.log('later call:', a.run());
console.log('exported function name:', a.format.name);
console.log('done');
