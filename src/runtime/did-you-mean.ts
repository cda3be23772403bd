/** `unknown option 'atempts' (did you mean 'attempts'?); known: ...`: for every options check. */
export function unknownOption(key: string, known: readonly string[], what = 'option'): string {
  const close = known.filter(
    (k) => distance(k.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.floor(k.length / 4)),
  );
  return `unknown ${what} '${key}'${close.length > 0 ? ` (did you mean '${close[0]}'?)` : ''}; known: ${known.join(', ')}`;
}

/** Edit distance, cut off above 3 (only close matches matter). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(prev[j]! + 1, next[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = next;
  }
  return prev[b.length]!;
}
