// The set of enumerable global properties must not change when functions are prepared.
var ignore = ['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance', 'fetch', 'crypto', 'navigator'];
function visibleGlobals() {
  return Object.keys(globalThis).filter(function (k) {
    return ignore.indexOf(k) === -1;
  });
}
console.log('enumerable globals (filtered):', JSON.stringify(visibleGlobals()));

implicitGlobalFromSloppyCode = 'created';
console.log('after implicit global assignment:', JSON.stringify(visibleGlobals()));
delete globalThis.implicitGlobalFromSloppyCode;

globalThis.explicitGlobal = function explicitGlobal() {};
console.log('after explicit global function:', JSON.stringify(visibleGlobals()));
delete globalThis.explicitGlobal;

console.log('restored:', JSON.stringify(visibleGlobals()));
console.log('typeof common globals:', [typeof globalThis, typeof global, typeof process, typeof Buffer, typeof console].join(','));
console.log('done');
