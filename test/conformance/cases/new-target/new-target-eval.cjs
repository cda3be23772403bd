// new.target is accessible through direct eval inside functions.
function F() {
  return { seen: eval('new.target') === F, viaArrow: (() => eval('typeof new.target'))() };
}
console.log('new F():', JSON.stringify(new F()));
console.log('F():', JSON.stringify(F()));

function G() {
  try {
    var geval = eval;
    geval('new.target');
    return 'no error';
  } catch (e) {
    return e.constructor.name;
  }
}
console.log('indirect eval of new.target:', G());

var topLevel;
try {
  topLevel = typeof eval('new.target');
} catch (e) {
  topLevel = e.constructor.name;
}
console.log('direct eval at CJS top level (inside the module wrapper):', topLevel);
console.log('done');
