// Closures in loops: per-iteration `let` bindings vs a single function-scoped `var`.
const withVar = [];
for (var i = 0; i < 3; i++) withVar.push(() => i);
console.log('var:', withVar.map((f) => f()).join(','));

const withLet = [];
for (let j = 0; j < 3; j++) withLet.push(() => j);
console.log('let:', withLet.map((f) => f()).join(','));

const mutatedInBody = [];
for (let k = 0; k < 6; k++) {
  mutatedInBody.push(() => k);
  k++;
}
console.log('let mutated in body (copied to next iteration):', mutatedInBody.map((f) => f()).join(','));

const closureInUpdate = [];
for (let m = 0; m < 3; closureInUpdate.push(() => m), m++);
console.log('closure created in the update expression:', closureInUpdate.map((f) => f()).join(','));

const closureInTest = [];
for (let n = 0; closureInTest.push(() => n), n < 2; n++);
console.log('closure created in the test expression:', closureInTest.map((f) => f()).join(','));

const forIn = [];
for (const key in { a: 1, b: 2 }) forIn.push(() => key);
const forOf = [];
for (const v of ['x', 'y']) forOf.push(() => v);
console.log('for-in/for-of const:', forIn.map((f) => f()).join(','), forOf.map((f) => f()).join(','));

const iifeFix = [];
for (var p = 0; p < 3; p++) {
  (function (captured) {
    iifeFix.push(() => captured);
  })(p);
}
console.log('var with IIFE capture:', iifeFix.map((f) => f()).join(','));

const whileLoop = [];
let w = 0;
while (w < 3) {
  const snapshot = w;
  whileLoop.push(() => `${snapshot}/${w}`);
  w++;
}
console.log('block const in while:', whileLoop.map((f) => f()).join(' '));
console.log('done');
