// Imported bindings are live views of the exporting module's variables, and read-only.
import { count, increment, reset, snapshot } from './_live-counter.mjs';
import * as ns from './_live-counter.mjs';

console.log('initial:', count, ns.count);
increment();
increment(5);
console.log('after increments, imported binding updated:', count, ns.count);
const captured = count;
reset();
console.log('after reset:', count, '| captured copy:', captured, '| snapshot:', JSON.stringify(snapshot()));

try {
  count = 100;
} catch (e) {
  console.log('assigning to an import:', e.constructor.name, e.message);
}
try {
  ns.count = 100;
} catch (e) {
  console.log('assigning through namespace:', e.constructor.name);
}
const readLater = () => count;
increment(2);
console.log('closure reading import sees latest value:', readLater());
console.log('done');
