import { Widget, widgetFactory } from './_esm-cycle2-a.mjs';
export const attempts = [];
try {
  new Widget('during cycle');
  attempts.push('class usable?!');
} catch (e) {
  attempts.push(`new Widget during cycle: ${e.constructor.name}`);
}
try {
  widgetFactory('via hoisted factory');
  attempts.push('factory worked?!');
} catch (e) {
  attempts.push(`hoisted factory reaching class in TDZ: ${e.constructor.name}`);
}
export function makeFromB() {
  return widgetFactory('made lazily after a finished its class declaration').label;
}
