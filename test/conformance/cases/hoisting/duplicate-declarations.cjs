// Repeated function declarations: the last one wins, even for calls that appear earlier.
console.log('first call sees the last declaration:', which());

function which() {
  return 'first';
}
console.log('middle call:', which());

function which() {
  return 'second';
}

var which;
console.log('var without initializer does not reset it:', which());

function inner() {
  var results = [f()];
  function f() {
    return 'A';
  }
  results.push(f());
  function f() {
    return 'B';
  }
  var f = function () {
    return 'C (expression assigned at runtime)';
  };
  results.push(f());
  return results.join(' | ');
}
console.log(inner());

function mixed() {
  var out = [typeof g];
  var g = 1;
  out.push(typeof g);
  function g() {}
  return out.join(',');
}
console.log('var assignment overrides hoisted function:', mixed());
console.log('done');
