import type { Series } from './stats.js';

export interface ModeResult {
  /** In-process time of one run() call, per process (fastest of the timed calls after the warm-up call), ms. */
  ms: Series;
  /** Median time to load the workload module (import/require), ms. */
  loadMs: number;
  /** Median wall time of the whole child process, ms. */
  wallMs: number;
}

export interface WorkloadResult {
  name: string;
  description: string;
  /** untimed run() calls per process before the timed ones */
  warmupCalls: number;
  unprepared: ModeResult;
  prepared: ModeResult | null;
  /** prepared median / unprepared median (> 1 = slower prepared). */
  ratio: number | null;
  checksum: unknown;
}

export interface HttpModeResult {
  rps: Series;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export interface HttpResult {
  connections: number;
  durationS: number;
  paths: string[];
  unprepared: HttpModeResult;
  prepared: HttpModeResult | null;
  /** prepared req/s / unprepared req/s (< 1 = fewer requests prepared). */
  ratio: number | null;
  responseHash: string;
}

export interface AttachResult {
  unpreparedNs: Series;
  dormantNs: Series | null;
  attachedNs: Series | null;
  detachedNs: Series | null;
  /** attached - dormant, ns per call (median of per-process differences). */
  addedNs: number | null;
}

export interface TransformToolResult {
  passesMs: number[];
  firstMBps: number;
  /** Best of the passes after the first (JIT warm), or NaN with a single pass. */
  warmMBps: number;
  outBytes: number;
  functions: number;
}

export interface TransformResult {
  file: string;
  bytes: number;
  kheiron: TransformToolResult | null;
  istanbul: TransformToolResult | null;
}

export interface StartupModeResult {
  requireMs: Series;
  sinceStartMs: Series;
  wallMs: Series;
  /** Peak resident memory of the process, MiB. */
  maxRssMiB?: Series;
}

export interface StartupResult {
  unprepared: StartupModeResult;
  cold: StartupModeResult | null;
  warm: StartupModeResult | null;
  /** An empty program, without and with `--import kheiron/register`. */
  empty?: { unprepared: StartupModeResult; prepared: StartupModeResult | null };
}

export interface NodeResults {
  label: string;
  version: string;
  path: string;
  workloads: Record<string, WorkloadResult>;
  ooGeomean: number | null;
  tsCheck: WorkloadResult | null;
  http: HttpResult | null;
  attach: AttachResult | null;
  catalogue: CatalogueResult | null;
  attachLatency: AttachLatencyResult | null;
  transform: TransformResult | null;
  startup: StartupResult | null;
  errors: string[];
  /** Median machine-wide busy cores while this benchmark's children ran (a child alone is about 1). */
  busyCores: Record<string, number>;
}

export interface BenchResults {
  date: string;
  durationS: number;
  mode: 'full' | 'quick';
  partial: boolean;
  unpreparedOnly: boolean;
  runs: number;
  innerCalls: number;
  only: string[] | null;
  git: { commit: string | null; dirty: boolean | null };
  machine: {
    cpuModel: string;
    cpus: number;
    totalMemGiB: number;
    platform: string;
    release: string;
    arch: string;
    /** Node running run.js and autocannon */ driverNode: string;
    loadAverage: { min: number; median: number; max: number; samples: number };
    /** Machine-wide busy cores during the measured children, http excluded (a child alone is about 1). */
    busyCores: { median: number; p90: number; max: number; samples: number };
    /** Seconds spent waiting for other processes on the machine to calm down. */
    idleWaitS: number;
  };
  nodes: NodeResults[];
  failures: string[];
}

export interface CatalogueResult {
  /** Per catalogue entry: ns per call that it adds to a hot method when attached (median over processes). */
  addedNs: Record<string, number>;
}

export interface AttachLatencyResult {
  /** `kheiron attach` wall time, from the command to the rule being active, for a process started with the loader. */
  preparedMs: Series;
  /** The same for a process started without Kheiron (the agent loaded over the inspector). */
  inspectorMs: Series;
}
