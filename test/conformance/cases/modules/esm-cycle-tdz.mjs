// ESM cycle: classes (unlike function declarations) are in TDZ until their module evaluates them.
import { fromB, Widget } from './_esm-cycle2-a.mjs';
import { attempts } from './_esm-cycle2-b.mjs';

console.log(attempts.join('\n'));
console.log('after evaluation:', fromB);
console.log('class works now:', new Widget('now').label);
console.log('done');
