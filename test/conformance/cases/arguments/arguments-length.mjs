// arguments.length reflects actual call-site arity, not declared parameters.
function three(a, b, c) {
  return `len=${arguments.length} fnlen=${three.length} c=${String(c)}`;
}
console.log(three());
console.log(three(1));
console.log(three(1, 2, 3));
console.log(three(1, 2, 3, 4, 5));
console.log(three(...[1, 2]));
console.log(three.apply(null, new Array(7)));
console.log(three.call(null, undefined, undefined));

function variadic() {
  let out = [];
  for (let i = 0; i < arguments.length; i++) out.push(typeof arguments[i]);
  return out.join(',') || '(none)';
}
console.log(variadic());
console.log(variadic(1, 'x', null, undefined, {}, () => {}));

function trailingHoles() {
  return [arguments.length, 1 in arguments];
}
console.log('holes from spread of sparse array:', trailingHoles(...[1, , 3]).join(','));

const bound = three.bind(null, 'bound');
console.log('bound:', bound('x'));
console.log('done');
