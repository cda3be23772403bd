// Calling functions through a module namespace object passes the namespace as `this`.
import * as tools from './_ns-tools.mjs';
import { whoAmI, describeThis } from './_ns-tools.mjs';

console.log('direct import call:', whoAmI());
console.log('namespace member call:', tools.whoAmI() === tools ? 'this === namespace' : 'other');
console.log('describe via namespace:', tools.describeThis());
console.log('describe direct:', describeThis());
const { whoAmI: destructured } = tools;
console.log('destructured from namespace:', destructured());
console.log('namespace has no prototype:', Object.getPrototypeOf(tools) === null);
console.log('Symbol.toStringTag:', tools[Symbol.toStringTag]);
console.log('property descriptor of export:', JSON.stringify(Object.getOwnPropertyDescriptor(tools, 'value')));
console.log('Reflect.ownKeys:', Reflect.ownKeys(tools).map(String).join(','));
try {
  delete tools.whoAmI;
} catch (e) {
  console.log('delete export from namespace:', e.constructor.name);
}
try {
  Object.defineProperty(tools, 'extra', { value: 1 });
} catch (e) {
  console.log('define new property on namespace:', e.constructor.name);
}
console.log('done');
