// Importing CommonJS from ESM: named exports detected statically, default is module.exports.
import cjs, { add, VERSION, bump, Thing, counter } from './_cjs-for-esm.cjs';
import * as ns from './_cjs-for-esm.cjs';
import fnModule from './_fn-export.cjs';

console.log('named:', add(2, 3), VERSION, new Thing().hi());
console.log('default is module.exports:', cjs.add === add, typeof cjs);
console.log('bump:', bump(), bump(), '| named counter binding is a snapshot:', counter, '| live object:', cjs.counter);
console.log('namespace keys:', Object.keys(ns).sort().join(','));
console.log('function module default:', typeof fnModule, fnModule.name);
console.log('done');
