// `new` on a bound function ignores the bound receiver but keeps bound arguments.
function Point(x, y) {
  this.x = x;
  this.y = y;
  this.thisWasBoundTarget = this === boundThis;
}
Point.prototype.toString = function () {
  return `(${this.x}, ${this.y})`;
};

const boundThis = { marker: true };
const BoundX = Point.bind(boundThis, 10);

const p = new BoundX(20);
console.log(String(p), 'bound this used?', p.thisWasBoundTarget);
console.log('instanceof Point:', p instanceof Point);
console.log('instanceof BoundX:', p instanceof BoundX);
console.log('BoundX has prototype property:', 'prototype' in BoundX);
console.log('BoundX name/length:', BoundX.name, BoundX.length);

BoundX(30);
console.log('called without new mutates bound receiver:', boundThis.x, boundThis.y);

class Vec {
  constructor(...parts) {
    this.parts = parts;
  }
}
const BoundVec = Vec.bind(null, 1, 2);
const v = new BoundVec(3);
console.log('bound class:', v.parts.join(','), v instanceof Vec);
try {
  BoundVec();
} catch (e) {
  console.log('bound class without new:', e.constructor.name);
}

const DoubleBound = BoundVec.bind(null, 'x');
console.log('double bound new:', new DoubleBound('y').parts.join(','));
console.log('done');
