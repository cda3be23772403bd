// Exceptions thrown from implicit conversions (toString, valueOf, Symbol.toPrimitive).
function attempt(label, fn) {
  try {
    console.log(label + ': ' + fn());
  } catch (e) {
    console.log(label + ': ' + e.constructor.name + ': ' + e.message);
  }
}
var badToString = {
  toString: function () {
    throw new Error('toString exploded');
  },
};
var badValueOf = {
  valueOf: function () {
    throw new RangeError('valueOf exploded');
  },
};
var noPrimitive = {
  toString: function () {
    return {};
  },
  valueOf: function () {
    return {};
  },
};
var badToPrimitive = {
  [Symbol.toPrimitive]: function (hint) {
    throw new TypeError('toPrimitive(' + hint + ')');
  },
};
attempt('string concat', function () { return 'x' + badToString; });
attempt('template literal', function () { return `${badToString}`; });
attempt('arithmetic', function () { return badValueOf * 2; });
attempt('comparison', function () { return badValueOf < 1; });
attempt('no primitive available', function () { return String(noPrimitive); });
attempt('toPrimitive number hint', function () { return +badToPrimitive; });
attempt('toPrimitive default hint', function () { return badToPrimitive + ''; });
attempt('toPrimitive string hint', function () { return `${badToPrimitive}`; });
attempt('property key conversion', function () { return ({})[badToString]; });
attempt('loose equality', function () { return badValueOf == 1; });
attempt('strict equality does not convert', function () { return badValueOf === 1; });
attempt('Symbol to string implicitly', function () { return '' + Symbol('s'); });
attempt('BigInt mixing', function () { return 1n + 1; });
console.log('done');
