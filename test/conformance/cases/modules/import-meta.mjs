// import.meta inside module code and inside functions/arrows defined in the module.
const base = (u) => u.slice(u.lastIndexOf('/') + 1);
console.log('url basename:', base(import.meta.url));
console.log('url scheme:', new URL(import.meta.url).protocol);
console.log('typeof resolve:', typeof import.meta.resolve);
console.log('resolve sibling basename:', base(import.meta.resolve('./_ns-tools.mjs')));
function inFunction() {
  return base(import.meta.url);
}
const inArrow = () => base(import.meta.url);
class K {
  static where() {
    return base(import.meta.url);
  }
}
console.log('inside function/arrow/class:', inFunction(), inArrow(), K.where());
console.log('import.meta is an object with null prototype:', typeof import.meta, Object.getPrototypeOf(import.meta));
console.log('same object each access:', import.meta === import.meta);
console.log('done');
