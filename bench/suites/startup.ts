// Start-up: `require('typescript')` unprepared and prepared with a cold and a warm cache,
// and an empty program with and without the loader.
import fs from 'node:fs';
import path from 'node:path';
import { BenchError, runChild } from '../lib/proc.js';
import { series } from '../lib/stats.js';
import type { StartupModeResult, StartupResult } from '../lib/types.js';
import {
  checkPrepared,
  childDir,
  fmt,
  freshDir,
  INCLUDE_TYPESCRIPT,
  log,
  noteBusy,
  opts,
  sameChecksums,
  settle,
  spec,
  type Mode,
  type NodeBin,
} from '../lib/harness.js';

interface StartupReport {
  prepared: boolean;
  checksum: unknown;
  requireMs: number;
  sinceStartMs: number;
  maxRssKb: number;
}

export async function measureStartup(bin: NodeBin): Promise<StartupResult> {
  type Kind = 'unprepared' | 'cold' | 'warm' | 'empty-unprepared' | 'empty-prepared';
  const kinds: Kind[] = ['unprepared', 'cold', 'warm', 'empty-unprepared', 'empty-prepared'];
  const samples = Object.fromEntries(
    kinds.map((k) => [k, { req: [] as number[], since: [] as number[], wall: [] as number[], rss: [] as number[] }]),
  ) as Record<Kind, { req: number[]; since: number[]; wall: number[]; rss: number[] }>;
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
      const r = await runChild<StartupReport>(
        spec(bin, mode, INCLUDE_TYPESCRIPT, path.join(childDir, 'startup.js'), args, label, 600_000, dir),
      );
      checkPrepared(label, mode, r.value.prepared);
      noteBusy('startup', r.busyCores);
      if (kind === 'cold' && fs.readdirSync(dir).length === 0) {
        throw new BenchError(
          `${label}: KHEIRON_CACHE_DIR=${dir} is still empty after a prepared run (cache not written?)`,
        );
      }
      samples[kind].req.push(r.value.requireMs);
      samples[kind].since.push(r.value.sinceStartMs);
      samples[kind].wall.push(r.wallMs);
      samples[kind].rss.push(r.value.maxRssKb / 1024);
      if (!kind.startsWith('empty')) checksums.push({ mode: `${kind}#${rep + 1}`, checksum: r.value.checksum });
      parts.push(
        kind.startsWith('empty') ? `${kind} ${fmt(r.value.sinceStartMs)} ms` : `${kind} ${fmt(r.value.requireMs)} ms`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
    log(`  [node ${bin.label}] ${'startup'.padEnd(12)} ${rep + 1}/${opts.runs}  ${parts.join('  ')}`);
  }
  sameChecksums(`node ${bin.label} startup`, checksums);
  const m = (k: Kind): StartupModeResult | null =>
    samples[k].req.length === 0
      ? null
      : {
          requireMs: series(samples[k].req),
          sinceStartMs: series(samples[k].since),
          wallMs: series(samples[k].wall),
          maxRssMiB: series(samples[k].rss),
        };
  return {
    unprepared: m('unprepared')!,
    cold: m('cold'),
    warm: m('warm'),
    empty: { unprepared: m('empty-unprepared')!, prepared: m('empty-prepared') },
  };
}
