// Machine-wide CPU use from /proc/stat (Linux), to tell how much else ran
// beside a measurement, and to wait for other work on the machine to calm down.
import fs from 'node:fs';
import os from 'node:os';

interface Sample {
  busy: number;
  total: number;
}

export function cpuSample(): Sample | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Busy cores between two samples (0 .. number of cores), or NaN if unknown. */
export function busyCores(a: Sample | null, b: Sample | null): number {
  if (a === null || b === null || b.total <= a.total) return Number.NaN;
  return ((b.busy - a.busy) / (b.total - a.total)) * os.cpus().length;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const SAMPLE_MS = 500;

export interface IdleWait {
  /** Seconds waited so far, over all calls. */
  waitedS: number;
}

/**
 * Waits (at most maxWaitMs per call, and at most budgetS over the whole run) until the
 * machine is nearly idle: under `threshold` busy cores over half a second, while this
 * process has nothing running.
 */
export async function waitForIdle(
  state: IdleWait,
  opts: { threshold: number; maxWaitMs: number; budgetS: number; onWait?: (busy: number) => void },
): Promise<number> {
  if (state.waitedS >= opts.budgetS) return Number.NaN;
  const start = Date.now();
  for (;;) {
    const a = cpuSample();
    await sleep(SAMPLE_MS);
    const busy = busyCores(a, cpuSample());
    const waited = Date.now() - start - SAMPLE_MS;
    if (!(busy >= opts.threshold)) {
      // also when unknown (NaN)
      state.waitedS += Math.max(0, waited) / 1000;
      return busy;
    }
    if (waited + SAMPLE_MS >= opts.maxWaitMs || state.waitedS + (waited + SAMPLE_MS) / 1000 >= opts.budgetS) {
      state.waitedS += (waited + SAMPLE_MS) / 1000;
      return busy;
    }
    opts.onWait?.(busy);
  }
}
