// Parameters without a corresponding argument are not mapped.
function f(a, b, c) {
  b = 'b-set';
  c = 'c-set';
  return {
    length: arguments.length,
    idx1: arguments[1],
    idx2: arguments[2],
    has2: 2 in arguments,
  };
}
console.log(JSON.stringify(f('only-a')));
console.log(JSON.stringify(f('a', 'b')));
console.log(JSON.stringify(f('a', 'b', 'c')));

function g(a, b) {
  arguments[1] = 'via-arguments';
  return [arguments.length, b === undefined ? 'b undefined' : b];
}
console.log(g(1).join(' | '));
console.log(g(1, 2).join(' | '));

function lengthWrite(a, b) {
  arguments.length = 5;
  var out = [];
  for (var i = 0; i < arguments.length; i++) out.push(String(arguments[i]));
  return out.join(',');
}
console.log('writing length:', lengthWrite(1, 2));

function explicitUndefined(a) {
  a = 'now set';
  return [arguments.length, arguments[0]];
}
console.log('explicit undefined is mapped:', explicitUndefined(undefined).join(','));
console.log('done');
