// Default-exported anonymous functions, classes and arrows are all named "default".
import anonFn from './_anon-default-fn.mjs';
import AnonClass from './_anon-default-class.mjs';
import anonArrow from './_anon-default-arrow.mjs';
import namedDefault, { exportedArrow, exportedDecl, renamedExport } from './_named-default-fn.mjs';

const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);

show('export default function () {}', anonFn);
show('export default class {}', AnonClass);
show('export default arrow expression', anonArrow);
show('export default function namedDefault() {}', namedDefault);
show('export const arrow', exportedArrow);
show('export function', exportedDecl);
show('export { local as renamedExport }', renamedExport);

console.log('calls:', anonFn(2, 3), new AnonClass(7).x, AnonClass.describe(), anonArrow(1, 2, 3).join(''));
console.log('done');
