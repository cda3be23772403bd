export const value = 42;
export function whoAmI() {
  return this;
}
export function describeThis() {
  if (this === undefined) return 'undefined';
  return `object with keys ${Object.keys(this).join(',')}`;
}
