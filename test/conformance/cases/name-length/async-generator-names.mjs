// Names, lengths and toString tags of async functions, generators and async generators.
const show = (label, fn) =>
  console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length} tag=${Object.prototype.toString.call(fn)}`);

async function asyncDecl(a) {}
function* genDecl(a, b) {}
async function* asyncGenDecl(a, b, c) {}
const asyncArrow = async (x) => x;
const asyncExpr = async function () {};
const genExpr = function* () {};
const namedGenExpr = function* realGen() {};
const obj = {
  async am() {},
  *gm() {},
  async *agm() {},
};

show('async declaration', asyncDecl);
show('generator declaration', genDecl);
show('async generator declaration', asyncGenDecl);
show('async arrow', asyncArrow);
show('async expression', asyncExpr);
show('generator expression', genExpr);
show('named generator expression', namedGenExpr);
show('async method', obj.am);
show('generator method', obj.gm);
show('async generator method', obj.agm);

console.log('constructor names:', [asyncDecl, genDecl, asyncGenDecl].map((f) => f.constructor.name).join(','));
console.log('prototype property on generators:', 'prototype' in genDecl, 'on async fn:', 'prototype' in asyncDecl);
console.log('done');
