// Sloppy functions with simple parameter lists get a *mapped* arguments object.
function writeParam(a, b) {
  a = 'A!';
  return [arguments[0], arguments[1]];
}
console.log('write param -> arguments:', writeParam('a', 'b').join(','));

function writeArguments(a, b) {
  arguments[1] = 'B!';
  return [a, b];
}
console.log('write arguments -> param:', writeArguments('a', 'b').join(','));

function viaHelper(x) {
  mutate(arguments);
  return x;
}
function mutate(args) {
  args[0] = 'changed by helper';
}
console.log('mutated through a helper:', viaHelper('original'));

function increment(n) {
  arguments[0]++;
  n++;
  return [n, arguments[0]];
}
console.log('both increments land on one slot:', increment(1).join(','));

function extra(a) {
  arguments[1] = 'extra';
  return [arguments.length, arguments[1]];
}
console.log('index beyond length does not grow length:', extra(1).join(','));

function swap(a, b) {
  var t = arguments[0];
  arguments[0] = arguments[1];
  arguments[1] = t;
  return a + '-' + b;
}
console.log('swap through arguments:', swap('left', 'right'));

function dupRead(a) {
  var before = arguments[0];
  a = undefined;
  return [before, arguments[0], 0 in arguments];
}
console.log('assign undefined keeps index:', dupRead(9).map(String).join(','));
console.log('done');
