// CommonJS code runs inside a function wrapper: arguments, this, and wrapper parameters.
console.log('arguments.length at top level:', arguments.length);
console.log('arguments[0] === exports:', arguments[0] === exports);
console.log('arguments[1] === require:', arguments[1] === require);
console.log('arguments[2] === module:', arguments[2] === module);
console.log('basename of arguments[3] (filename):', require('path').basename(arguments[3]));
console.log('this === module.exports:', this === module.exports);
console.log('typeof require/module/exports/__filename/__dirname:', [typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname].join(','));
console.log('module.id is "." for the entry file:', module.id === '.' || module.id === __filename);
console.log('require.main === module:', require.main === module);
console.log('module.loaded during execution:', module.loaded);

var topLevelVar = 'not a global';
function topLevelFn() {}
console.log('top-level var is not on globalThis:', 'topLevelVar' in globalThis, 'topLevelFn' in globalThis);

var wrapperArgsInArrow = (() => arguments.length)();
console.log('arrow at top level sees wrapper arguments:', wrapperArgsInArrow);
console.log('done');
