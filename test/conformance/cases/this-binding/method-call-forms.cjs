// Sloppy mode: the receiver of a call depends on the syntactic call form.
var obj = {
  name: 'obj',
  who: function () {
    if (this === globalThis) return 'global';
    if (this === undefined) return 'undefined';
    return this.name;
  },
};

console.log('dot call:', obj.who());
console.log('bracket call:', obj['who']());
console.log('parenthesized member:', (obj.who)());
console.log('comma expression:', (0, obj.who)());
var detached = obj.who;
console.log('detached:', detached());
console.log('logical or:', (obj.who || null)());
console.log('conditional:', (true ? obj.who : null)());

var other = { name: 'other', who: obj.who };
console.log('borrowed:', other.who());

var nested = { inner: { name: 'inner', who: obj.who } };
console.log('nested member:', nested.inner.who());
console.log('nested bracket:', nested['inner']['who']());

var arr = [obj.who];
arr.name = 'array';
console.log('array element call:', arr[0]());

function outer() {
  return obj.who();
}
console.log('through outer function:', outer());

var key = 'who';
console.log('computed key:', obj[key]());
console.log('done');
