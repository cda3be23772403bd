// Direct eval reads and writes the local variables of the calling function.
function compute(a, b) {
  var factor = 10;
  let label = 'sum';
  const offset = 1;
  var expr = 'label + "=" + ((a + b) * factor + offset)';
  return eval(expr);
}
console.log(compute(2, 3));

function mutate() {
  var count = 1;
  let text = 'before';
  eval('count += 41; text = "after"');
  return count + ' ' + text;
}
console.log('eval writes locals:', mutate());

function closureScope() {
  var secret = 'closure-secret';
  return function () {
    return eval('secret');
  };
}
console.log('eval inside inner function reads outer local:', closureScope()());

function shadow() {
  var v = 'outer';
  {
    let v = 'block';
    return eval('v');
  }
}
console.log('eval sees block scope:', shadow());

function constWrite() {
  const fixed = 1;
  try {
    eval('fixed = 2');
  } catch (e) {
    return e.constructor.name + ' ' + fixed;
  }
}
console.log('eval assigning const:', constWrite());

function dynamicName(name) {
  var alpha = 'A', beta = 'B';
  return eval(name);
}
console.log('dynamic variable lookup:', dynamicName('alpha'), dynamicName('beta'));
console.log('done');
