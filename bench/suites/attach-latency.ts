// From `kheiron attach` to the rule being active: in a process started with the loader, and
// in one started without Kheiron (the agent loaded over the inspector).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { series } from '../lib/stats.js';
import type { AttachLatencyResult } from '../lib/types.js';
import { baseEnv, benchSrc, build, fmt, freshDir, log, opts, settle, type NodeBin } from '../lib/harness.js';

export async function measureAttachLatency(bin: NodeBin): Promise<AttachLatencyResult> {
  const reps = Math.min(opts.runs, 5);
  const target = path.join(benchSrc, 'micro', 'attach-target.cjs');
  const cli = path.join(build.dist, 'cli', 'kheiron.js');
  const dir = freshDir('attach-latency-');
  const rules = path.join(dir, 'rules.mjs');
  fs.writeFileSync(
    rules,
    `import { defineRules } from ${JSON.stringify(path.join(build.dist, 'index.js'))};\nexport default defineRules({ id: 'noop', target: 'Target.prototype.work', before() {} });\n`,
  );
  const socketDir = freshDir('sockets-');
  fs.chmodSync(socketDir, 0o700);
  const env = { ...baseEnv, KHEIRON_SOCKET_DIR: socketDir, KHEIRON_INCLUDE: target, KHEIRON_NO_CACHE: '1' };
  const start = (prepared: boolean): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(bin.path, [...(prepared ? ['--import', build.register] : []), target], {
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
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
        (mode === 'prepared' ? prepared : inspector).push(
          timed(['attach', String(child.pid), rules, ...(mode === 'inspector' ? ['--allow-inspector'] : [])]),
        );
      } finally {
        child.kill();
      }
    }
    log(
      `  [node ${bin.label}] ${'attach-lat'.padEnd(12)} ${rep + 1}/${reps}  prepared ${fmt(prepared.at(-1)!, 0)} ms  over the inspector ${fmt(inspector.at(-1)!, 0)} ms`,
    );
  }
  return { preparedMs: series(prepared), inspectorMs: series(inspector) };
}
