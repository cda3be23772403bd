// The dormant cost of whole programs: the OO suite and the TypeScript compiler, each
// prepared and unprepared, side by side in alternating processes.
import path from 'node:path';
import { runChild } from '../lib/proc.js';
import { median, series } from '../lib/stats.js';
import type { ModeResult, WorkloadResult } from '../lib/types.js';
import {
  checkPrepared,
  childDir,
  fmt,
  INCLUDE_TYPESCRIPT,
  INCLUDE_WORKLOADS,
  log,
  modesFor,
  noteBusy,
  opts,
  sameChecksums,
  settle,
  spec,
  workloadDir,
  type Mode,
  type NodeBin,
} from '../lib/harness.js';

export interface Workload {
  name: string;
  file: string;
  description: string;
  include: string;
  /** untimed run() calls before the timed ones (default 1) */
  warmup?: number;
  timeoutMs: number;
}

export const OO_SUITE: Workload[] = [
  { name: 'particles', file: 'particles.mjs', description: 'vector/matrix classes, getters, particle simulation' },
  { name: 'richards', file: 'richards.mjs', description: 'Richards-like task scheduler, polymorphic dispatch' },
  { name: 'rbtree', file: 'rbtree.mjs', description: 'red-black tree ordered map, many small methods' },
  { name: 'closures', file: 'closures.mjs', description: 'closures, generators, map/filter/reduce, memoization' },
  { name: 'graph', file: 'graph.mjs', description: 'Dijkstra with a binary heap class, grid BFS' },
  { name: 'interpreter', file: 'interpreter.mjs', description: 'tree-walking interpreter, AST node classes' },
  {
    name: 'deltablue',
    file: 'deltablue.mjs',
    description: 'DeltaBlue-style constraint solver, constraint class hierarchy',
  },
  {
    name: 'scheduler',
    file: 'scheduler.mjs',
    description: 'discrete-event job-shop simulation, event heap, small classes',
  },
  {
    name: 'trees',
    file: 'trees.mjs',
    description: 'binary trees, persistent list and vector, small node constructors',
  },
  {
    name: 'literals',
    file: 'literals.mjs',
    description: 'object-literal methods and getters, closures created per call',
  },
].map((w) => ({ ...w, include: INCLUDE_WORKLOADS, timeoutMs: 180_000 }));

export const TS_CHECK: Workload = {
  name: 'ts-check',
  file: 'ts-check.cjs',
  description: 'TypeScript compiler API type-checks and emits a small project; the compiler is prepared',
  include: `${INCLUDE_WORKLOADS},${INCLUDE_TYPESCRIPT}`,
  // the compiler keeps getting faster over its first calls (tier-up): warm it up longer
  warmup: 3,
  timeoutMs: 600_000,
};

interface WorkloadReport {
  prepared: boolean;
  checksum: unknown;
  loadMs: number;
  warmupMs: number;
  times: number[];
}

export async function measureWorkload(bin: NodeBin, w: Workload): Promise<WorkloadResult> {
  const file = path.join(workloadDir, w.file);
  const samples: Record<Mode, { ms: number[]; load: number[]; wall: number[] }> = {
    unprepared: { ms: [], load: [], wall: [] },
    prepared: { ms: [], load: [], wall: [] },
  };
  const checksums: { mode: string; checksum: unknown }[] = [];
  const warmup = opts.quick ? 1 : (w.warmup ?? 1);
  for (let rep = 0; rep < opts.runs; rep++) {
    await settle();
    const parts: string[] = [];
    for (const mode of modesFor(rep)) {
      const label = `node ${bin.label} ${w.name} ${mode} #${rep + 1}`;
      const r = await runChild<WorkloadReport>(
        spec(
          bin,
          mode,
          w.include,
          path.join(childDir, 'workload.js'),
          [file, String(opts.inner), String(warmup)],
          label,
          w.timeoutMs,
        ),
      );
      checkPrepared(label, mode, r.value.prepared);
      noteBusy(w.name, r.busyCores);
      // per process: the fastest timed call (robust to bursts of foreign load); across processes: the median
      const ms = Math.min(...r.value.times);
      samples[mode].ms.push(ms);
      samples[mode].load.push(r.value.loadMs);
      samples[mode].wall.push(r.wallMs);
      checksums.push({ mode: `${mode}#${rep + 1}`, checksum: r.value.checksum });
      parts.push(`${mode} ${fmt(ms)} ms`);
    }
    log(`  [node ${bin.label}] ${w.name.padEnd(12)} ${rep + 1}/${opts.runs}  ${parts.join('  ')}`);
  }
  const checksum = sameChecksums(`node ${bin.label} ${w.name}`, checksums);
  const mode = (m: Mode): ModeResult | null =>
    samples[m].ms.length === 0
      ? null
      : { ms: series(samples[m].ms), loadMs: median(samples[m].load), wallMs: median(samples[m].wall) };
  const unprepared = mode('unprepared')!;
  const prepared = mode('prepared');
  return {
    name: w.name,
    description: w.description,
    warmupCalls: warmup,
    unprepared,
    prepared,
    ratio: prepared ? prepared.ms.median / unprepared.ms.median : null,
    checksum,
  };
}
