#!/usr/bin/env node
// Hashbang in an ES module, plus functions with non-ASCII and escaped identifier names.
const show = (fn) => `${JSON.stringify(fn.name)}/${fn.length}`;

function größe(a, b) {
  return a * b;
}
const π = () => Math.PI.toFixed(4);
const $dollar_ = function (x) {
  return `$${x}`;
};
function \u0061bc(x) {
  return `escaped identifier called with ${x}`;
}
const 変数 = class 名前 {
  メソッド(引数) {
    return `method ${引数}`;
  }
};
const obj = {
  'with space'() {},
  'ünïcödé'(a) {},
  [`emoji-🙂`]: () => {},
};

console.log(show(größe), größe(2, 3));
console.log(show(π), π());
console.log(show($dollar_), $dollar_(5));
console.log(show(abc), abc(1));
console.log(show(変数), new 変数().メソッド('引数'), show(変数.prototype.メソッド));
console.log(Object.values(obj).map(show).join(' '));
console.log('done');
