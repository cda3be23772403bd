import { log } from './_cycle-log.mjs';
import defaultA, { helperA, valueA } from './_cycle1-a.mjs';

log.push('b: evaluating first (a is not evaluated yet)');
export const callAFromB = helperA('b top-level');
log.push(`b: ${callAFromB}`);
log.push(`b: ${defaultA('b (default function is hoisted too)')}`);
try {
  log.push(`b: valueA = ${valueA}`);
} catch (e) {
  log.push(`b: reading let valueA -> ${e.constructor.name}: ${e.message}`);
}
export function fromB() {}
export const laterRead = () => valueA;
