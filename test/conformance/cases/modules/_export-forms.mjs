function internalName(a, b) {
  return `internalName(${a}, ${b})`;
}
export { internalName as publicName, internalName };
export function declared() {
  return this === undefined ? 'this is undefined' : 'this is set';
}
export const arrow = () => 'arrow export';
export class Exported {
  static who() {
    return `class ${this.name}`;
  }
}
export async function asyncExport() {
  return 'async export';
}
export function* genExport() {
  yield 'generator export';
}
export let mutable = () => 'first version';
export function replaceMutable() {
  mutable = () => 'second version';
}
