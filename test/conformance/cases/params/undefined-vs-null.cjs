// Only `undefined` (explicit or missing) triggers defaults; other falsy values do not.
function show(value = 'DEFAULT') {
  return value === 'DEFAULT' ? 'DEFAULT' : typeof value + ':' + String(value);
}
var inputs = [undefined, null, 0, '', false, NaN, void 0];
console.log(inputs.map(function (v) { return show(v); }).join(' | '));
console.log('missing argument:', show());

function destr({ a = 'DA' } = {}, [b = 'DB'] = []) {
  return a + ',' + b;
}
console.log(destr({ a: null }, [null]), '|', destr({ a: undefined }, [undefined]), '|', destr(undefined, undefined));
try {
  destr(null);
} catch (e) {
  console.log('null for destructured param with default:', e.constructor.name);
}

var undef;
function useGlobalUndefined(x = 'D') {
  return x;
}
console.log('variables holding undefined trigger defaults:', useGlobalUndefined(undef), useGlobalUndefined([][0]), useGlobalUndefined({}.missing));

function sparse(a = 'A', b = 'B', c = 'C') {
  return a + b + c;
}
console.log('spread of sparse array:', sparse.apply(null, [, 'x', ,]), sparse(...[, 'y']));
console.log('done');
