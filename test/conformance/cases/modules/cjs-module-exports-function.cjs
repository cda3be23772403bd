// module.exports replaced by a function that carries extra properties.
var greet = require('./_fn-export.cjs');
console.log(greet('a'));
console.log(greet.call({}, 'b'));
console.log('name/length:', greet.name, greet.length);
console.log('extra properties:', Object.keys(greet).join(','), greet.calls());
var h = new greet.Helper(7);
console.log('constructor from exports:', h.v, h instanceof greet.Helper);
var again = require('./_fn-export.cjs');
console.log('require cache returns the same function:', again === greet, again.calls());
var holder = { greet: greet };
console.log(holder.greet('c'));
console.log('done');
