// Different export forms of functions; aliasing does not rename; namespace calls pass the namespace as this.
import * as ns from './_export-forms.mjs';
import { publicName, internalName, declared, arrow, Exported, asyncExport, genExport, mutable, replaceMutable } from './_export-forms.mjs';

console.log('alias is the same function:', publicName === internalName, publicName.name, publicName(1, 2));
console.log('plain call of export:', declared());
console.log('call through namespace object:', ns.declared());
console.log(arrow(), '|', Exported.who(), '|', await asyncExport(), '|', genExport().next().value);
console.log('mutable export before:', mutable());
replaceMutable();
console.log('mutable export after (live):', mutable(), ns.mutable());
console.log('namespace keys:', Object.keys(ns).join(','));
console.log('namespace tag:', Object.prototype.toString.call(ns), Object.isFrozen(ns), Object.getPrototypeOf(ns));
console.log('done');
