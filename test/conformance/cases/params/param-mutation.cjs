// Reassigning parameters only affects the local binding; mutating objects affects the caller.
function reassign(n, obj, arr) {
  n = n + 1;
  obj = { replaced: true };
  arr = ['replaced'];
  return [n, JSON.stringify(obj), arr.join(',')].join(' ');
}
var num = 1;
var o = { original: true };
var a = ['original'];
console.log('inside:', reassign(num, o, a));
console.log('outside:', num, JSON.stringify(o), a.join(','));

function mutate(obj, arr) {
  obj.added = 'yes';
  arr.push('pushed');
}
mutate(o, a);
console.log('after mutate:', JSON.stringify(o), a.join(','));

function swapBoxes(box1, box2) {
  var t = box1.value;
  box1.value = box2.value;
  box2.value = t;
}
var x = { value: 'X' };
var y = { value: 'Y' };
swapBoxes(x, y);
console.log('swapped through references:', x.value, y.value);

function incrementAll() {
  for (var i = 0; i < arguments.length; i++) arguments[i].count++;
  return arguments.length;
}
var c1 = { count: 0 };
var c2 = { count: 10 };
incrementAll(c1, c2, c1);
console.log('mutations through arguments:', c1.count, c2.count);

function defaultObjectShared(cache = defaultObjectShared.cache) {
  cache.hits = (cache.hits || 0) + 1;
  return cache.hits;
}
defaultObjectShared.cache = {};
console.log('shared default via function property:', defaultObjectShared(), defaultObjectShared(), defaultObjectShared({}));
console.log('done');
