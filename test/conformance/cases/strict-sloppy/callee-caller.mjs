// Strict functions poison arguments.callee and fn.caller/fn.arguments.
function strictFn() {
  const out = [];
  try {
    out.push(typeof arguments.callee);
  } catch (e) {
    out.push(`arguments.callee: ${e.constructor.name}`);
  }
  try {
    out.push(typeof strictFn.caller);
  } catch (e) {
    out.push(`fn.caller: ${e.constructor.name}`);
  }
  try {
    out.push(typeof strictFn.arguments);
  } catch (e) {
    out.push(`fn.arguments: ${e.constructor.name}`);
  }
  return out.join(' | ');
}
console.log(strictFn());
console.log('own caller/arguments props on strict function:', Object.hasOwn(strictFn, 'caller'), Object.hasOwn(strictFn, 'arguments'));
console.log('own props of strict function:', Object.getOwnPropertyNames(strictFn).join(','));
const sloppy = new Function('return Object.getOwnPropertyNames(arguments.callee).join(",")');
console.log('own props of sloppy function (new Function):', sloppy());
console.log('arrow own props:', Object.getOwnPropertyNames(() => {}).join(','));
console.log('class own props:', Object.getOwnPropertyNames(class {}).join(','));
console.log('done');
