// Function-level "use strict" in functions written on one line, in sloppy code: the
// directive must stay a directive (this undefined, caller poisoned, delete throws).
function f() { "use strict"; return this; }
function g() { 'use strict'; return typeof this; }
const arrow = () => { "use strict"; return (function () { return this; })(); };
const obj = { m() { "use strict"; return this === undefined; }, get x() { 'use strict'; return this; } };
function sloppy() { return this === globalThis; }
function deletes() { "use strict"; const o = Object.freeze({ a: 1 }); try { delete o.a; return 'deleted'; } catch (e) { return e.constructor.name; } }
function assigns() { "use strict"; try { undeclaredName = 1; return 'assigned'; } catch (e) { return e.constructor.name; } }
function caller() { "use strict"; return 1; }
function twoDirectives() { "use kheiron"; "use strict"; return this; }
function notFirst() { 1; "use strict"; return this === globalThis; }

console.log('f this undefined:', f() === undefined);
console.log('g typeof this:', g());
console.log('inner sloppy from strict arrow:', arrow() === undefined);
console.log('method:', obj.m.call(undefined));
console.log('getter this:', typeof Object.getOwnPropertyDescriptor(obj, 'x').get.call(undefined));
console.log('sloppy:', sloppy());
console.log('delete:', deletes());
console.log('assign:', assigns());
try { console.log('caller:', caller.caller); } catch (e) { console.log('caller throws:', e.constructor.name); }
try { console.log('arguments:', caller.arguments); } catch (e) { console.log('arguments throws:', e.constructor.name); }
console.log('two directives:', twoDirectives() === undefined);
console.log('not first is no directive:', notFirst());
console.log('done');
