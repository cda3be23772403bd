// Function declarations inside a body replace a same-named parameter; var does not.
function fnShadowsParam(x) {
  function x() {
    return 'inner function';
  }
  return typeof x + ': ' + x();
}
console.log(fnShadowsParam('param value'));

function varKeepsParam(x) {
  var x;
  return 'var without initializer keeps: ' + x;
}
console.log(varKeepsParam('param value'));

function varAssignsParam(x) {
  var before = x;
  var x = 'reassigned by var';
  return before + ' -> ' + x + ' / arguments[0]=' + arguments[0];
}
console.log(varAssignsParam('param value'));

function withDefaults(x = 'default') {
  var x;
  var captured = x;
  var x = 'body';
  return captured + ' -> ' + x;
}
console.log('non-simple params + var:', withDefaults(), '|', withDefaults('passed'));

function closureSeesParamScope(x = 'param', f = () => x) {
  var x = 'body var';
  return f() + ' vs ' + x;
}
console.log('separate var scope for bodies with defaults:', closureSeesParamScope());

function paramNamedLikeFunction(paramNamedLikeFunction) {
  return typeof paramNamedLikeFunction;
}
console.log('param shadows function name:', paramNamedLikeFunction(42));

var fnExpr = function self(self) {
  return typeof self;
};
console.log('param shadows function expression name:', fnExpr('string'));
console.log('done');
