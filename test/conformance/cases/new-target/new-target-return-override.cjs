// Constructors returning objects or primitives, combined with new.target checks.
function Factory(kind) {
  if (new.target && kind === 'object') {
    return { made: 'by return', nt: new.target.name };
  }
  if (new.target && kind === 'primitive') {
    this.made = 'by this';
    return 42;
  }
  if (!new.target) {
    return 'called: ' + kind;
  }
  this.made = 'default';
}

console.log(JSON.stringify(new Factory('object')));
console.log(JSON.stringify(new Factory('primitive')));
console.log(JSON.stringify(new Factory('other')));
console.log(Factory('x'));

function ReturnsFunction() {
  var nt = new.target;
  return function inner() {
    return nt && nt.name;
  };
}
var made = new ReturnsFunction();
console.log('returned function remembers new.target:', made(), made.name);

function ReturnsNull() {
  this.ok = true;
  return null;
}
console.log('return null is ignored:', new ReturnsNull().ok);

function ReturnsArray() {
  return [new.target.name];
}
console.log('return array:', new ReturnsArray()[0], Array.isArray(new ReturnsArray()));
console.log('done');
