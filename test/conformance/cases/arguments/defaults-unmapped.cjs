// Sloppy mode, but non-simple parameter lists (defaults) make arguments unmapped.
function withDefault(a, b = 'default-b') {
  a = 'changed-a';
  arguments[1] = 'changed-via-arguments';
  return [a, b, arguments[0], arguments[1], arguments.length];
}
console.log(withDefault('orig-a').join(','));
console.log(withDefault('orig-a', 'orig-b').join(','));

function defaultUsesArguments(a, b = arguments.length) {
  return b;
}
console.log('default reads arguments.length:', defaultUsesArguments(1), defaultUsesArguments(1, undefined, 3));

function defaultReadsArguments0(a, b = arguments[0] + '!') {
  a = 'reassigned';
  return [b, arguments[0]].join(' ');
}
console.log('default reads arguments[0]:', defaultReadsArguments0('first'));

function simple(a) {
  a = 'mapped';
  return arguments[0];
}
console.log('contrast, simple params:', simple('x'));

function callee(a = 0) {
  try {
    return typeof arguments.callee;
  } catch (e) {
    return 'throws ' + e.constructor.name;
  }
}
console.log('unmapped arguments.callee (sloppy, non-simple params):', callee());

function simpleCallee(a) {
  return arguments.callee === simpleCallee;
}
console.log('mapped arguments.callee:', simpleCallee());
console.log('done');
