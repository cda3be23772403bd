// The attached cost: one no-op hook on a hot method, against the same method dormant,
// after the detach, and unprepared.
import path from 'node:path';
import { BenchError, runChild } from '../lib/proc.js';
import { median, series, type Series } from '../lib/stats.js';
import type { AttachResult } from '../lib/types.js';
import {
  benchSrc,
  checkPrepared,
  childDir,
  fmt,
  log,
  modesFor,
  noteBusy,
  opts,
  sameChecksums,
  settle,
  spec,
  type NodeBin,
} from '../lib/harness.js';

interface AttachReport {
  prepared: boolean;
  checksum: unknown;
  dormantNs: number;
  attachedNs?: number;
  detachedNs?: number;
}

export async function measureAttach(bin: NodeBin): Promise<AttachResult> {
  const hot = path.join(benchSrc, 'micro', 'hot.mjs');
  const reps = Math.min(opts.runs, 3);
  const batchMs = opts.quick ? 40 : 100;
  const batches = opts.quick ? 5 : 9;
  const un: number[] = [],
    dormant: number[] = [],
    attached: number[] = [],
    detached: number[] = [],
    added: number[] = [];
  const checksums: { mode: string; checksum: unknown }[] = [];
  for (let rep = 0; rep < reps; rep++) {
    await settle();
    const parts: string[] = [];
    for (const mode of modesFor(rep)) {
      const label = `node ${bin.label} attach ${mode} #${rep + 1}`;
      const r = await runChild<AttachReport>(
        spec(
          bin,
          mode,
          '**/bench/micro/**',
          path.join(childDir, 'attach.js'),
          [hot, String(batchMs), String(batches), mode],
          label,
          300_000,
        ),
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
        parts.push(
          `dormant ${fmt(dormantNs, 2)} ns  attached ${fmt(attachedNs, 2)} ns  detached ${fmt(detachedNs, 2)} ns`,
        );
      }
    }
    log(`  [node ${bin.label}] ${'attach'.padEnd(12)} ${rep + 1}/${reps}  ${parts.join('  ')}`);
  }
  sameChecksums(`node ${bin.label} attach loop`, checksums);
  const s = (xs: number[]): Series | null => (xs.length === 0 ? null : series(xs));
  return {
    unpreparedNs: series(un),
    dormantNs: s(dormant),
    attachedNs: s(attached),
    detachedNs: s(detached),
    addedNs: added.length === 0 ? null : median(added),
  };
}
