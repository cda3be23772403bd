// Comma expressions in arrow bodies, returns, and for loops.
var log = [];
var sideEffect = (x) => (log.push('saw ' + x), x * 2);
console.log('comma arrow returns last value:', sideEffect(5), log.join(','));

function returnComma() {
  var a = 1;
  return (a += 1), (a *= 10), a;
}
console.log('return with comma expression:', returnComma());

function returnSequenceWithCalls() {
  return log.push('first'), log.push('second'), 'sequence result';
}
log.length = 0;
console.log(returnSequenceWithCalls(), '|', log.join(','));

var counter = 0;
var inc = () => (counter++, counter++, counter);
console.log('multiple increments:', inc(), inc());

var pairs = [];
for (var i = 0, j = 10; i < j; i += 3, j -= 3) pairs.push(i + ':' + j);
console.log('for with comma init/update:', pairs.join(' '));

var indirect = (0, function () {
  return this === globalThis ? 'comma makes call detached' : 'method call';
});
var holder = { f: indirect };
console.log((0, holder.f)(), '|', holder.f());

var assignInComma = ((log.length = 0), log.push('a'), log.push('b'), log.length);
console.log('comma in initializer:', assignInComma);
console.log('done');
