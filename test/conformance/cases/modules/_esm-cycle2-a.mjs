import { makeFromB } from './_esm-cycle2-b.mjs';
export class Widget {
  constructor(label) {
    this.label = label;
  }
}
export function widgetFactory(label) {
  return new Widget(label);
}
export const fromB = makeFromB();
