// ESM view of globalThis: module-level declarations do not create global properties.
const ignore = ['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance', 'fetch', 'crypto', 'navigator'];
const visibleGlobals = () => Object.keys(globalThis).filter((k) => !ignore.includes(k));

var moduleVar = 'module var';
function moduleFunction() {}
class ModuleClass {}
console.log('globals:', JSON.stringify(visibleGlobals()));
console.log('module declarations are not globals:', 'moduleVar' in globalThis, 'moduleFunction' in globalThis, 'ModuleClass' in globalThis);

globalThis.addedByModule = 1;
console.log('explicitly added:', JSON.stringify(visibleGlobals()));
delete globalThis.addedByModule;
console.log('non-enumerable own global names include builtins:', ['Object', 'Function', 'Array', 'Promise'].every((n) => Object.getOwnPropertyNames(globalThis).includes(n)));
console.log('done');
