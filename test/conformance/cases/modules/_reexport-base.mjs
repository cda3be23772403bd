export function base() {
  return 'base function';
}
export const baseValue = 'base value';
export default function () {
  return 'base default';
}
