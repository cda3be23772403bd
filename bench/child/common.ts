// Shared by the child harnesses: they report exactly one line on stdout,
// prefixed with MARKER, holding a JSON object. Anything else a workload or
// the loader prints is ignored by the parent.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const MARKER = '@@kheiron-bench ';

export function report(value: object): void {
  process.stdout.write(MARKER + JSON.stringify(value) + '\n');
}

/** Repository root, from dist/bench/child/*.js. */
export const repoRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The Kheiron build under test (dist/src, or the parent's snapshot of it). */
export const kheironDist: string = process.env.BENCH_KHEIRON_DIST ?? path.join(repoRoot, 'dist', 'src');

/** True when the function's source text shows Kheiron's dormant check. */
export function isPreparedFunction(fn: unknown): boolean {
  return typeof fn === 'function' && Function.prototype.toString.call(fn).includes('__k_');
}

export function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(2);
}
