// name/length of declarations and function expressions in their many forms.
function show(label, fn) {
  console.log(label + ': name=' + JSON.stringify(fn.name) + ' length=' + fn.length);
}

function declared(a, b, c) {}
show('declaration', declared);

var anonExpr = function (a) {};
show('anonymous expression assigned to var', anonExpr);

var namedExpr = function inner(a, b) {};
show('named expression assigned to var', namedExpr);

let letExpr = function () {};
show('let binding', letExpr);

const constArrow = (x, y) => x + y;
show('const arrow', constArrow);

var assignedLater;
assignedLater = function (q) {};
show('assignment expression', assignedLater);

var obj = {};
obj.prop = function (a) {};
show('member assignment does NOT name', obj.prop);
obj['computed'] = () => {};
show('computed member assignment does NOT name', obj.computed);

var parenthesized = (function () {});
show('parenthesized expression', parenthesized);

var viaComma = (0, function () {});
show('comma expression', viaComma);

var viaTernary = true ? function () {} : null;
show('conditional expression', viaTernary);

show('inline in call argument', (function (x) { return x; })(function (z, w) {}));
show('IIFE-returned anonymous', (function () { return function () {}; })());
console.log('done');
