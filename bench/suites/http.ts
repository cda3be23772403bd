// The dormant cost of an HTTP server under load (autocannon), in requests per second, and
// the same responses prepared and unprepared.
import path from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { BenchError, startServer } from '../lib/proc.js';
import { median, series } from '../lib/stats.js';
import type { HttpModeResult, HttpResult } from '../lib/types.js';
import {
  checkPrepared,
  fmt,
  INCLUDE_WORKLOADS,
  log,
  modesFor,
  opts,
  sameChecksums,
  settle,
  spec,
  workloadDir,
  type Mode,
  type NodeBin,
} from '../lib/harness.js';

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

export async function measureHttp(bin: NodeBin): Promise<HttpResult> {
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
    samples[m].rps.length === 0
      ? null
      : { rps: series(samples[m].rps), latencyP50Ms: median(samples[m].p50), latencyP99Ms: median(samples[m].p99) };
  const unprepared = mode('unprepared')!;
  const prepared = mode('prepared');
  return {
    connections,
    durationS,
    paths: HTTP_PATHS,
    unprepared,
    prepared,
    ratio: prepared ? prepared.rps.median / unprepared.rps.median : null,
    responseHash: hash,
  };
}
