// The revealing module pattern: an IIFE returns a public API over private functions.
var Inventory = (function () {
  var items = {};
  var log = [];

  function validate(name, qty) {
    if (typeof name !== 'string' || !name) throw new TypeError('name required');
    if (!(qty > 0)) throw new RangeError('qty must be positive');
  }
  function audit(action, name, qty) {
    log.push(action + ' ' + qty + ' ' + name);
  }
  function add(name, qty) {
    validate(name, qty);
    items[name] = (items[name] || 0) + qty;
    audit('add', name, qty);
    return publicApi;
  }
  function remove(name, qty) {
    validate(name, qty);
    if ((items[name] || 0) < qty) throw new RangeError('not enough ' + name);
    items[name] -= qty;
    audit('remove', name, qty);
    return publicApi;
  }
  function report() {
    return Object.keys(items)
      .sort()
      .map(function (k) {
        return k + '=' + items[k];
      })
      .join(', ');
  }
  var publicApi = {
    add: add,
    remove: remove,
    report: report,
    history: function () {
      return log.slice();
    },
  };
  return publicApi;
})();

Inventory.add('apple', 5).add('pear', 2).remove('apple', 3);
console.log('report:', Inventory.report());
try {
  Inventory.remove('pear', 10);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  Inventory.add('', 1);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log('history:', Inventory.history().join(' | '));
console.log('private members hidden:', typeof Inventory.validate, typeof Inventory.items);
var detachedAdd = Inventory.add;
detachedAdd('plum', 1);
console.log('detached public function still works (no this):', Inventory.report());
console.log('done');
