// The benchmarks, one table, in the order they run: --only's names and the results'
// places come from it.
import type { NodeBin } from '../lib/harness.js';
import type { NodeResults } from '../lib/types.js';
import { measureAttachLatency } from './attach-latency.js';
import { measureAttach } from './attach.js';
import { measureCatalogue } from './catalogue.js';
import { measureHttp } from './http.js';
import { measureStartup } from './startup.js';
import { measureTransform } from './transform.js';
import { measureWorkload, OO_SUITE, TS_CHECK } from './workload.js';

export interface Suite {
  name: string;
  /** Measures on one Node binary; the result goes where `store` puts it. */
  measure(bin: NodeBin): Promise<unknown>;
  store(results: NodeResults, result: unknown): void;
}

/** A suite whose result is one field of a Node binary's results. */
function field<K extends keyof NodeResults>(
  name: string,
  key: K,
  measure: (bin: NodeBin) => Promise<NodeResults[K]>,
): Suite {
  return { name, measure, store: (results, result) => void (results[key] = result as NodeResults[K]) };
}

export const SUITES: readonly Suite[] = [
  ...OO_SUITE.map((w): Suite => ({
    name: w.name,
    measure: (bin) => measureWorkload(bin, w),
    store: (results, result) => void (results.workloads[w.name] = result as NodeResults['workloads'][string]),
  })),
  field('ts-check', 'tsCheck', (bin) => measureWorkload(bin, TS_CHECK)),
  field('http', 'http', measureHttp),
  field('attach', 'attach', measureAttach),
  field('catalogue', 'catalogue', measureCatalogue),
  field('attach-latency', 'attachLatency', measureAttachLatency),
  field('transform', 'transform', measureTransform),
  field('startup', 'startup', measureStartup),
];

/** The names of the OO suite, which --only takes as `oo`. */
export const OO_NAMES = OO_SUITE.map((w) => w.name);
