// Anonymous default-exported async functions, generators and async generators.
import asyncDefault from './_default-async.mjs';
import genDefault from './_default-generator.mjs';
import asyncGenDefault from './_default-async-generator.mjs';

const describe = (fn) => `${JSON.stringify(fn.name)}/${fn.length} ${Object.prototype.toString.call(fn)}`;
console.log(describe(asyncDefault));
console.log(describe(genDefault));
console.log(describe(asyncGenDefault));

console.log(await asyncDefault('x'));
console.log('generator:', [...genDefault(4)].join(','));
const collected = [];
for await (const v of asyncGenDefault()) collected.push(v);
console.log('async generator:', collected.join(','));
console.log('prototype property:', 'prototype' in asyncDefault, 'prototype' in genDefault, 'prototype' in asyncGenDefault);
console.log('done');
