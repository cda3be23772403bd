// ESM cycle: a module calls functions exported by a module that has not finished evaluating.
// Function declarations (including `export default function`) are initialized at instantiation.
import { log } from './_cycle-log.mjs';
import { valueA } from './_cycle1-a.mjs';
import { laterRead } from './_cycle1-b.mjs';

for (const line of log) {
  console.log(line);
}
console.log('after the cycle completes, a.valueA =', valueA);
console.log('b reads a.valueA lazily through a closure:', laterRead());
console.log('done');
