/** The delays between the attempts of a retry. */
export interface Backoff {
  /** First delay in ms (default 50). */
  readonly initial?: number;
  /** Multiplier per attempt (default 2). */
  readonly factor?: number;
  /** Longest delay in ms (default 5000). */
  readonly max?: number;
  /** Full jitter: each delay is random between 0 and the computed delay (default true). */
  readonly jitter?: boolean;
}

/** Delay before attempt `attempt + 1`: exponential, capped, with full jitter. */
export function backoffDelay(attempt: number, backoff: Backoff = {}, random: () => number = Math.random): number {
  const { initial = 50, factor = 2, max = 5000, jitter = true } = backoff;
  const d = Math.min(max, initial * factor ** (attempt - 1));
  return jitter ? random() * d : d;
}
