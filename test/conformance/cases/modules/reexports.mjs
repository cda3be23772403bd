// Re-exports: export *, renamed re-exports, and namespace re-exports keep function identity.
import * as mid from './_reexport-mid.mjs';
import { base, renamedBase, baseDefault, baseNs } from './_reexport-mid.mjs';
import originalDefault, { base as originalBase } from './_reexport-base.mjs';

console.log('keys:', Object.keys(mid).join(','));
console.log('export * excludes default:', 'default' in mid);
console.log('identity preserved:', base === originalBase, renamedBase === originalBase, baseDefault === originalDefault);
console.log('renamed function keeps its name:', renamedBase.name, '| default name:', baseDefault.name);
console.log(base(), '|', baseDefault(), '|', baseNs.baseValue, '|', mid.mid());
console.log('namespace re-export is the same namespace object:', baseNs === (await import('./_reexport-base.mjs')));
console.log('done');
