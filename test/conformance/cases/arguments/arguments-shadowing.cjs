// Names that shadow or redeclare `arguments` (sloppy mode).
function paramNamedArguments(arguments) {
  return typeof arguments + ':' + arguments;
}
console.log('param named arguments:', paramNamedArguments('value'));

function varArguments(a) {
  var arguments;
  return Object.prototype.toString.call(arguments) + ' len=' + arguments.length;
}
console.log('var arguments (no initializer):', varArguments(1, 2));

function varArgumentsInit(a) {
  var arguments = ['replaced'];
  return arguments[0] + ' ' + a;
}
console.log('var arguments with initializer:', varArgumentsInit('a'));

function fnDeclArguments() {
  function arguments() {
    return 'inner function';
  }
  return typeof arguments + ' ' + arguments();
}
console.log('function named arguments:', fnDeclArguments());

function letArguments() {
  let arguments = 'let-bound';
  return arguments;
}
console.log('let arguments:', letArguments('ignored'));

function assignArguments(a) {
  arguments = { 0: 'plain object' };
  return [arguments[0], a];
}
console.log('assigned:', assignArguments('a').join(','));

function nestedShadow() {
  var outerArgs = arguments;
  return (function (arguments) {
    return [arguments, outerArgs[0]];
  })('inner-param').join(',');
}
console.log('nested shadow:', nestedShadow('outer'));
console.log('done');
