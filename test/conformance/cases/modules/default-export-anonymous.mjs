// Default exports of anonymous classes and functions; `export default <expression>` is not live.
import Anon, { anonymousArrow, namedArrow } from './_anon-exports.mjs';
import defaultValue, { setDefaultSource, getDefaultSource } from './_default-expression.mjs';

const inst = new Anon(3);
console.log('anonymous class:', Anon.name, inst.v, Anon.kind(), inst instanceof Anon);
console.log('arrow names:', JSON.stringify(anonymousArrow.name), namedArrow.name);
console.log('default expression value:', defaultValue);
setDefaultSource('changed');
console.log('after changing the source variable:', defaultValue, '| module sees:', getDefaultSource());
console.log('done');
