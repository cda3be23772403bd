// Functions without an explicit return value produce undefined, in every function kind.
function noReturn() {
  const x = 1;
}
function emptyReturn() {
  return;
}
function conditionalReturn(flag) {
  if (flag) return 'value';
}
const arrowBlock = () => {
  'a block, not an object';
};
const arrowVoid = () => void 'discarded';
const obj = {
  method() {},
  get getter() {},
};
class K {
  m() {}
  static s() {}
}
async function asyncNoReturn() {}
function* genNoReturn() {}

const results = {
  noReturn: noReturn(),
  emptyReturn: emptyReturn(),
  conditionalTrue: conditionalReturn(true),
  conditionalFalse: conditionalReturn(false),
  arrowBlock: arrowBlock(),
  arrowVoid: arrowVoid(),
  method: obj.method(),
  getter: obj.getter,
  classMethod: new K().m(),
  staticMethod: K.s(),
  asyncResolves: await asyncNoReturn(),
  generatorDone: JSON.stringify(genNoReturn().next()),
};
for (const [k, v] of Object.entries(results)) console.log(`${k}:`, v);

function returnsUndefinedExplicitly() {
  return undefined;
}
console.log('explicit undefined is indistinguishable:', returnsUndefinedExplicitly() === noReturn());
console.log('new on function without return gives this:', typeof new noReturn());
console.log('done');
