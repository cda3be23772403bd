// Shape of the sloppy arguments object.
function shape(a, b) {
  var d = Object.getOwnPropertyDescriptor(arguments, 'callee');
  return {
    tag: Object.prototype.toString.call(arguments),
    isArray: Array.isArray(arguments),
    proto: Object.getPrototypeOf(arguments) === Object.prototype,
    names: Object.getOwnPropertyNames(arguments).join(','),
    keys: Object.keys(arguments).join(','),
    calleeIsSelf: arguments.callee === shape,
    calleeEnumerable: d.enumerable,
    iterator: arguments[Symbol.iterator] === Array.prototype.values,
    lengthEnumerable: Object.getOwnPropertyDescriptor(arguments, 'length').enumerable,
  };
}
console.log(JSON.stringify(shape('x', 'y', 'z'), null, 1));

function toArray() {
  return [Array.prototype.slice.call(arguments), Array.from(arguments), [...arguments]].map(function (a) {
    return a.join('');
  });
}
console.log('conversions:', toArray('a', 'b').join(' '));

function jsonArgs() {
  return JSON.stringify(arguments);
}
console.log('JSON:', jsonArgs(1, 'two', null));

function spreadIntoCall() {
  return Math.max.apply(null, arguments) + ':' + Math.min(...arguments);
}
console.log('spread into call:', spreadIntoCall(4, 9, 2));

function distinctPerCall() {
  return arguments;
}
console.log('distinct objects per call:', distinctPerCall() !== distinctPerCall());
console.log('done');
