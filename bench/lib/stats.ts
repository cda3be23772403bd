export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function geomean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  return Math.exp(xs.reduce((acc, x) => acc + Math.log(x), 0) / xs.length);
}

/** Half the range relative to the median: a rough noise figure (0.05 = ±5%). */
export function halfRange(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  return (Math.max(...xs) - Math.min(...xs)) / 2 / median(xs);
}

export interface Series {
  median: number;
  samples: number[];
  /** see halfRange */
  noise: number;
}

export function series(samples: readonly number[]): Series {
  return { median: median(samples), samples: [...samples], noise: halfRange(samples) };
}

/** Nearest-rank quantile, q in [0, 1]. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
