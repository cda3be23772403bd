export let count = 0;
export function increment(by = 1) {
  count += by;
  return count;
}
export function reset() {
  count = 0;
}
export const snapshot = () => ({ count });
