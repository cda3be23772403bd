// What each catalogue entry adds on a hot method that never fails.
import path from 'node:path';
import { runChild } from '../lib/proc.js';
import { median } from '../lib/stats.js';
import type { CatalogueResult } from '../lib/types.js';
import { benchSrc, childDir, fmt, log, noteBusy, opts, settle, spec, type NodeBin } from '../lib/harness.js';

interface CatalogueReport {
  dormantNs: number;
  costs: Record<string, number>;
  checksum: unknown;
  prepared: boolean;
}

export async function measureCatalogue(bin: NodeBin): Promise<CatalogueResult> {
  const hot = path.join(benchSrc, 'micro', 'hot.mjs');
  const reps = Math.min(opts.runs, 3);
  const batchMs = opts.quick ? 20 : 60;
  const batches = opts.quick ? 3 : 7;
  const perEntry: Record<string, number[]> = {};
  for (let rep = 0; rep < reps; rep++) {
    await settle();
    const label = `node ${bin.label} catalogue #${rep + 1}`;
    const r = await runChild<CatalogueReport>(
      spec(
        bin,
        'prepared',
        '**/bench/micro/**',
        path.join(childDir, 'catalogue.js'),
        [hot, String(batchMs), String(batches)],
        label,
        300_000,
      ),
    );
    noteBusy('catalogue', r.busyCores);
    for (const [name, ns] of Object.entries(r.value.costs)) (perEntry[name] ??= []).push(ns);
    log(
      `  [node ${bin.label}] ${'catalogue'.padEnd(12)} ${rep + 1}/${reps}  ${Object.entries(r.value.costs)
        .map(([n, ns]) => `${n} ${fmt(ns, 1)}`)
        .join('  ')}`,
    );
  }
  return { addedNs: Object.fromEntries(Object.entries(perEntry).map(([name, xs]) => [name, median(xs)])) };
}
