// new Function creates sloppy global-scope functions: no closure over module locals.
const local = 'module local';
const add = new Function('a', 'b', 'return a + b');
console.log('add:', add(2, 3), add.length, add.name);

const seesLocal = new Function('return typeof local');
console.log('cannot see module locals:', seesLocal());

globalThis.sharedGlobal = 'on globalThis';
const seesGlobal = Function('return sharedGlobal');
console.log('sees globals:', seesGlobal());
delete globalThis.sharedGlobal;

const sloppyThis = new Function('return this === globalThis');
console.log('sloppy this in plain call:', sloppyThis());

const withDefaults = new Function('a = 1, { b } = { b: 2 }, ...rest', 'return [a, b, rest.length].join(",")');
console.log('complex params:', withDefaults(), withDefaults(10, { b: 20 }, 1, 2));

const mapped = new Function('a', 'a = "changed"; return arguments[0]');
console.log('sloppy mapped arguments:', mapped('orig'));

const strictBody = new Function('"use strict"; return this');
console.log('"use strict" in body:', strictBody());

const makeCounter = new Function('var n = 0; return function () { return ++n; };');
const counter = makeCounter();
counter();
console.log('closures inside Function body work:', counter());

try {
  new Function('return (');
} catch (e) {
  console.log('syntax error at construction:', e.constructor.name);
}

const ctor = new Function('x', 'this.x = x');
console.log('usable as constructor:', new ctor(5).x, ctor.prototype.constructor === ctor);
console.log('done');
