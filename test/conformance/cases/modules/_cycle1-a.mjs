import { log } from './_cycle-log.mjs';
import { fromB, callAFromB } from './_cycle1-b.mjs';

log.push('a: evaluating (b has already run)');
export let valueA = 'value of a';
export const constA = 'const of a';

export function helperA(caller) {
  let state;
  try {
    state = `constA is ${constA}`;
  } catch (e) {
    state = `constA still in TDZ (${e.constructor.name})`;
  }
  return `helperA called by ${caller}; ${state}`;
}
export default function (x) {
  return `default export of a called with ${x}`;
}
log.push(`a: b exported ${typeof fromB} ${fromB.name}`);
log.push(`a: b's call result was: ${callAFromB}`);
