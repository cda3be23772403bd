// Functions whose name is shadowed, changed, or inferred in unusual positions.
const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);

const fns = {};
fns.a = fns.b = function () {};
show('chained member assignment', fns.a);

let chainedVar1, chainedVar2;
chainedVar1 = chainedVar2 = () => {};
show('chained var assignment names from inner target', chainedVar1);

const exported = { handler: function handler() {} };
show('named function expression in literal', exported.handler);

const spreadCopy = { ...{ orig() {} } };
show('copied via spread keeps original name', spreadCopy.orig);

const renamed = { newName: exported.handler };
show('referenced function keeps original name', renamed.newName);

function outer() {
  return function () {};
}
const returned = outer();
show('returned anonymous assigned to const', returned);

const arr = [];
arr.push(function () {});
show('pushed anonymous', arr[0]);

const map = new Map([['k', () => {}]]);
show('map value arrow', map.get('k'));

const viaAwait = await (async () => function () {})();
show('awaited anonymous', viaAwait);

const viaTemplate = ((strings) => function () {})``;
show('returned from tagged template', viaTemplate);

const nested = { level1: { level2: () => {} } };
show('nested literal arrow', nested.level1.level2);
console.log('done');
