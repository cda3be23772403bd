// Kheiron benchmark suite: dormant cost of prepared programs, measured against
// the unprepared program side by side, on Node 24 and Node 26.
//
//   npm run bench                      full run (~15-20 min on 2 cores)
//   node_modules/node24/bin/node dist/bench/run.js --quick     smoke check (a minute or two)
//   options: --runs N  --only a,b  --node 24|26|both  --quick  --inner N  --no-wait
//            --render [results.json]   print the table of a results file (default bench/results.json), measure nothing
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
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchError } from './lib/proc.js';
import { median, quantile, geomean } from './lib/stats.js';
import { renderMarkdown, updateReadme } from './lib/report.js';
import type { BenchResults, NodeResults } from './lib/types.js';
import {
  benchSrc,
  build,
  busySamples,
  cleanup,
  freshDir,
  idle,
  loadSamples,
  log,
  nodePaths,
  opts,
  repoRoot,
  setOptions,
  snapshotBuild,
  takeBusyByBench,
  type NodeBin,
  type Options,
} from './lib/harness.js';
import { OO_NAMES, SUITES } from './suites/index.js';

const ALL_NAMES = SUITES.map((s) => s.name);

// ---------------------------------------------------------------------------------------------
/** Options being read: which of the defaults that --quick changes were given. */
type Reading = Options & { runsGiven: boolean; innerGiven: boolean };
/** The next argument: `value()` takes it (an option's value), `peek()` only looks at it. */
interface Next {
  value(): string;
  peek(): string | undefined;
}

/** The options, each with what it sets. */
const OPTIONS: Record<string, (o: Reading, next: Next) => void> = {
  '--runs': (o, next) => {
    o.runs = Number(next.value());
    o.runsGiven = true;
  },
  '--inner': (o, next) => {
    o.inner = Number(next.value());
    o.innerGiven = true;
  },
  '--quick': (o) => void (o.quick = true),
  '--no-wait': (o) => void (o.wait = false),
  '--unprepared-only': (o) => void (o.unpreparedOnly = true), // hidden: while the loader is missing
  '--only': (o, next) => {
    const names = next
      .value()
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((n) => (n === 'oo' ? OO_NAMES : [n]));
    for (const n of names) {
      if (!ALL_NAMES.includes(n))
        throw new Error(`--only: unknown benchmark ${n} (known: oo, ${ALL_NAMES.join(', ')})`);
    }
    o.only = new Set(names);
  },
  '--node': (o, next) => {
    const v = next.value();
    if (v === '24' || v === '26') o.nodes = [v];
    else if (v === 'both') o.nodes = ['24', '26'];
    else throw new Error('--node takes 24, 26 or both');
  },
  '--render': (o, next) => {
    const given = next.peek();
    o.render = path.resolve(
      given !== undefined && !given.startsWith('--') ? next.value() : path.join(benchSrc, 'results.json'),
    );
  },
  '--help': () => help(),
  '-h': () => help(),
};

/** Prints the comment at the top of this file, and exits. */
function help(): never {
  const own = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const head = own.slice(
    0,
    own.findIndex((l) => !l.startsWith('//')),
  );
  process.stdout.write(head.join('\n').replace(/^\/\/ ?/gm, '') + '\n');
  process.exit(0);
}

function parseArgs(argv: string[]): Options {
  const o: Reading = {
    runs: 5,
    inner: 2,
    quick: false,
    only: null,
    nodes: ['24', '26'],
    unpreparedOnly: false,
    wait: true,
    render: null,
    runsGiven: false,
    innerGiven: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const option = Object.prototype.hasOwnProperty.call(OPTIONS, a) ? OPTIONS[a] : undefined;
    if (!option) throw new Error(`unknown option ${a}`);
    option(o, {
      value: () => {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${a} needs a value`);
        return v;
      },
      peek: () => argv[i + 1],
    });
  }
  const { runsGiven, innerGiven, ...opts } = o;
  if (opts.quick) {
    if (!runsGiven) opts.runs = 2;
    if (!innerGiven) opts.inner = 1;
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(opts.inner) || opts.inner < 1) throw new Error('--inner must be a positive integer');
  return opts;
}

try {
  setOptions(parseArgs(process.argv.slice(2)));
} catch (e) {
  process.stderr.write(`bench: ${(e as Error).message} (see --help)\n`);
  process.exit(2);
}
const wanted = (name: string): boolean => opts.only === null || opts.only.has(name);

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
  if (!opts.unpreparedOnly && !(await underTest())) return 2;
  const bins = nodeBins();
  if (bins === null) return 2;
  const failures: string[] = [];
  const nodes: NodeResults[] = [];
  for (const bin of bins) nodes.push(await measureNode(bin, failures));
  const results = collect(started, nodes, failures);
  const markdown = renderMarkdown(results);
  const official = results.mode === 'full' && !results.partial;
  const jsonPath = path.join(benchSrc, official ? 'results.json' : 'results-partial.json');
  fs.writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  const readme = path.join(repoRoot, 'README.md');
  updateReadme(readme, official ? markdown : null);
  process.stdout.write(markdown + '\n');
  log(
    `\nwrote ${path.relative(repoRoot, jsonPath)}${official ? ' and README.md' : ' (quick/partial run: README.md table left as is)'} in ${results.durationS} s`,
  );
  if (failures.length > 0) {
    log(`\n${failures.length} FAILURE(S):`);
    for (const f of failures) log(`- ${f}`);
    return 1;
  }
  return 0;
}

/** `--render`: the table of a results file, as a run would print it; nothing measured or written. */
function render(file: string): number {
  process.stdout.write(renderMarkdown(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults) + '\n');
  return 0;
}

/** Takes the snapshot of the build under test (a few tries, in case tsc is writing dist/ just then). */
async function underTest(): Promise<boolean> {
  if (!fs.existsSync(build.register)) {
    log(`error: ${path.relative(repoRoot, build.register)} is missing: build the loader first (npx tsc -p .)`);
    return false;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      snapshotBuild();
      return true;
    } catch (e) {
      if (attempt === 3) {
        log(
          `error: the Kheiron build in dist/src does not load: ${(e as { stderr?: Buffer }).stderr?.toString() ?? String(e)}`,
        );
        return false;
      }
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

/** The Node binaries to measure, or null (and said why) when one is missing. */
function nodeBins(): NodeBin[] | null {
  const bins: NodeBin[] = [];
  for (const label of opts.nodes) {
    const p = nodePaths[label];
    if (!fs.existsSync(p)) {
      log(`error: no Node ${label} binary at ${p}`);
      return null;
    }
    const version = execFileSync(p, ['--version'], { encoding: 'utf8' }).trim();
    if (!version.startsWith(`v${label}.`)) log(`warning: Node ${label} binary ${p} is ${version}`);
    bins.push({ label, path: p, version, cacheDir: freshDir(`cache-${label}-`) });
  }
  return bins;
}

/** Every wanted suite on one Node binary; a suite that fails is recorded, and the others run on. */
async function measureNode(bin: NodeBin, failures: string[]): Promise<NodeResults> {
  log(`Node ${bin.label} (${bin.version}, ${bin.path})`);
  const nr: NodeResults = {
    label: bin.label,
    version: bin.version,
    path: bin.path,
    workloads: {},
    ooGeomean: null,
    tsCheck: null,
    http: null,
    attach: null,
    catalogue: null,
    attachLatency: null,
    transform: null,
    startup: null,
    errors: [],
    busyCores: {},
  };
  for (const suite of SUITES) {
    if (!wanted(suite.name)) continue;
    try {
      suite.store(nr, await suite.measure(bin));
    } catch (e) {
      const msg =
        e instanceof BenchError ? e.message : `node ${bin.label} ${suite.name}: ${(e as Error).stack ?? String(e)}`;
      log(`  FAILED: ${msg}`);
      nr.errors.push(msg);
      failures.push(msg);
    }
  }
  const ratios = Object.values(nr.workloads)
    .map((w) => w.ratio)
    .filter((r): r is number => r !== null);
  nr.ooGeomean = ratios.length > 0 ? geomean(ratios) : null;
  for (const [name, xs] of Object.entries(takeBusyByBench())) nr.busyCores[name] = median(xs);
  return nr;
}

/** The results file: the run's settings, the machine and its load, and each Node binary's results. */
function collect(started: number, nodes: NodeResults[], failures: string[]): BenchResults {
  const cpus = os.cpus();
  const status = git(['status', '--porcelain']);
  return {
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
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cpus: cpus.length,
      totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: os.platform(),
      release: os.release(),
      arch: os.arch(),
      driverNode: process.version,
      loadAverage: {
        min: Math.min(...loadSamples),
        median: median(loadSamples),
        max: Math.max(...loadSamples),
        samples: loadSamples.length,
      },
      busyCores: {
        median: median(busySamples),
        p90: quantile(busySamples, 0.9),
        max: Math.max(...busySamples),
        samples: busySamples.length,
      },
      idleWaitS: Math.round(idle.waitedS),
    },
    nodes,
    failures,
  };
}

process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

let code = 1;
try {
  code = opts.render === null ? await main() : render(opts.render);
} finally {
  cleanup();
}
process.exitCode = code;
