// AsyncFunction, GeneratorFunction and AsyncGeneratorFunction constructors.
var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
var GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
var AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;

var af = new AsyncFunction('a', 'b', 'await null; return a * b;');
var gf = new GeneratorFunction('n', 'for (var i = 0; i < n; i++) yield i * i;');
var agf = new AsyncGeneratorFunction('xs', 'for (const x of xs) { await null; yield x.toUpperCase(); }');

console.log('constructors:', [AsyncFunction, GeneratorFunction, AsyncGeneratorFunction].map(function (c) { return c.name; }).join(','));
console.log('tags:', [af, gf, agf].map(function (f) { return Object.prototype.toString.call(f); }).join(','));
console.log('generator:', Array.from(gf(5)).join(','));
console.log('instanceof Function:', af instanceof Function, gf instanceof Function);

var globalScoped = (function () {
  var hidden = 'local';
  return new GeneratorFunction('yield typeof hidden;');
})();
console.log('constructed generator sees globals only:', globalScoped().next().value);

var fnFromFunction = Function('return function inner() { return typeof arguments; }')();
console.log('nested function from Function body:', fnFromFunction(), fnFromFunction.name);

af(6, 7).then(async function (r) {
  console.log('async function:', r);
  var out = [];
  for await (var v of agf(['a', 'b'])) out.push(v);
  console.log('async generator:', out.join(','));
  console.log('done');
});
