// name and length are non-writable but configurable own properties.
function fn(a, b) {}
const dn = Object.getOwnPropertyDescriptor(fn, 'name');
const dl = Object.getOwnPropertyDescriptor(fn, 'length');
console.log('name descriptor:', JSON.stringify(dn));
console.log('length descriptor:', JSON.stringify(dl));

try {
  fn.name = 'changed';
} catch (e) {
  console.log('assigning name in strict code:', e.constructor.name);
}
Object.defineProperty(fn, 'name', { value: 'redefined' });
console.log('after defineProperty:', fn.name);
delete fn.length;
console.log('after delete length, inherited from Function.prototype:', fn.length, Object.hasOwn(fn, 'length'));
delete fn.name;
console.log('after delete name:', JSON.stringify(fn.name), Object.hasOwn(fn, 'name'));

const anon = [function () {}][0];
console.log('anonymous function has own name property:', Object.hasOwn(anon, 'name'), JSON.stringify(anon.name));
const anonArrow = [() => {}][0];
console.log('anonymous arrow has own name property:', Object.hasOwn(anonArrow, 'name'));
class Anon {}
console.log('class name property order:', Object.getOwnPropertyNames(Anon).join(','));
console.log('Function.prototype name/length:', JSON.stringify(Function.prototype.name), Function.prototype.length);
console.log('done');
