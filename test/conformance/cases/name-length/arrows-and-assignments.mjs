// Names inferred from bindings, destructuring defaults, logical assignment, and default params.
const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);

const arrow = () => {};
show('const arrow', arrow);

let { fromDefault = () => {} } = {};
show('object destructuring default', fromDefault);

let [fromArrayDefault = function (a, b) {}] = [];
show('array destructuring default', fromArrayDefault);

let { renamed: target = (x) => x } = {};
show('renamed destructuring default', target);

let orAssigned;
orAssigned ||= () => {};
show('||= assignment', orAssigned);

let nullishAssigned = null;
nullishAssigned ??= function (a, b, c) {};
show('??= assignment', nullishAssigned);

let andAssigned = 1;
andAssigned &&= () => {};
show('&&= assignment', andAssigned);

function withDefaultParam(cb = () => {}) {
  return cb;
}
show('default parameter value', withDefaultParam());

const { x: alreadyNamed = function named() {} } = {};
show('named function in default keeps name', alreadyNamed);

const cls = class {};
show('anonymous class expression', cls);

const arr = [() => {}, function () {}];
show('array element arrow', arr[0]);
show('array element function', arr[1]);
console.log('done');
