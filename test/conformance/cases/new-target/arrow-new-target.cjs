// Arrow functions see the new.target of the enclosing function.
function Outer() {
  var arrow = () => (new.target ? new.target.name : 'undefined');
  var nested = () => () => (new.target ? 'nested:' + new.target.name : 'nested:undefined');
  return { arrow: arrow(), nested: nested()() };
}

console.log('call:', JSON.stringify(Outer()));
console.log('new:', JSON.stringify(new Outer()));

function Deferred() {
  this.get = () => new.target;
}
var d = new Deferred();
console.log('arrow called after construction still sees Deferred:', d.get() === Deferred);
var plainCall = {};
Deferred.call(plainCall);
console.log('arrow created during plain call:', plainCall.get());

class Klass {
  constructor() {
    this.later = [1, 2].map(() => new.target.name);
  }
}
class SubKlass extends Klass {}
console.log('arrows in class constructor:', new SubKlass().later.join(','));

function withFunctionInside() {
  function inner() {
    return new.target === undefined;
  }
  return inner();
}
console.log('nested function has own new.target:', new withFunctionInside() instanceof withFunctionInside, withFunctionInside());
console.log('done');
