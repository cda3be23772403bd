// Functions made by constructors are named "anonymous"; length is the parameter count.
function show(label, fn) {
  console.log(label + ': name=' + JSON.stringify(fn.name) + ' length=' + fn.length);
}
show('new Function()', new Function());
show('Function("a", "b", "return a")', Function('a', 'b', 'return a'));
show('new Function("a, b = 1", "")', new Function('a, b = 1', ''));
show('new Function("...rest", "")', new Function('...rest', ''));

var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
var GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
show('AsyncFunction("x", "")', new AsyncFunction('x', 'return x'));
show('GeneratorFunction("x", "y", "")', GeneratorFunction('x', 'y', 'yield x'));

var made = Function('return 1');
var assigned = made;
show('assigning does not rename', assigned);

var viaVar = new Function('');
show('var initializer does not rename constructor-made function', viaVar);
console.log('done');
