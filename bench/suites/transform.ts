// The transform's throughput beside istanbul-lib-instrument's, on typescript.js (acorn.js
// with --quick).
import fs from 'node:fs';
import path from 'node:path';
import { BenchError, runChild } from '../lib/proc.js';
import type { TransformResult, TransformToolResult } from '../lib/types.js';
import {
  baseEnv,
  childDir,
  fmt,
  log,
  noteBusy,
  opts,
  repoRoot,
  sampleLoad,
  settle,
  type NodeBin,
} from '../lib/harness.js';

const typescriptJs = path.join(repoRoot, 'node_modules', 'typescript', 'lib', 'typescript.js');
const smallTransformInput = path.join(repoRoot, 'node_modules', 'acorn', 'dist', 'acorn.js');

interface TransformReport {
  bytes: number;
  outBytes: number;
  functions: number;
  times: number[];
}

export async function measureTransform(bin: NodeBin): Promise<TransformResult> {
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
      env: baseEnv,
      cwd: repoRoot,
      timeoutMs: 900_000,
      label,
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
    log(
      `  [node ${bin.label}] transform    ${tool.padEnd(9)} passes ${r.value.times.map((t) => fmt(t)).join(', ')} ms  -> ${fmt(res.firstMBps, 2)} / ${fmt(res.warmMBps, 2)} MB/s`,
    );
    return res;
  };
  const result: TransformResult = { file: path.relative(repoRoot, file), bytes, kheiron: null, istanbul: null };
  const errors: string[] = [];
  if (!opts.unpreparedOnly) {
    try {
      result.kheiron = await one('kheiron', 3);
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  try {
    result.istanbul = await one('istanbul', 2);
  } catch (e) {
    errors.push((e as Error).message);
  }
  if (errors.length > 0) throw new BenchError(errors.join('\n'));
  return result;
}
