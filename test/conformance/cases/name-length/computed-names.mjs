// Names of functions with computed keys: strings, numbers, template literals, conversions.
const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);
const prefix = 'handle';
let i = 0;
const obj = {
  [`${prefix}Click`](e) {},
  [prefix + 'Key']: function (k, mods) {},
  [1 + 2]: () => {},
  [1.5]() {},
  [`item${++i}`]: class {},
  [{ toString: () => 'fromToString' }]() {},
  [null]() {},
  [undefined]: () => {},
  [true]() {},
};
show('template key method', obj.handleClick);
show('concatenated key function value', obj.handleKey);
show('numeric key arrow', obj[3]);
show('float key', obj[1.5]);
show('class value', obj.item1);
show('object key via toString', obj.fromToString);
show('null key', obj.null);
show('undefined key', obj.undefined);
show('boolean key', obj.true);

class K {
  static [`make${'Thing'}`]() {}
  [`get${'Value'}`]() {}
  static [`field${1}`] = () => {};
}
show('static computed', K.makeThing);
show('instance computed', K.prototype.getValue);
show('static computed field arrow', K.field1);
console.log('done');
