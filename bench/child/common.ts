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

/**
 * True when Kheiron recorded the function: its source text shows the load-time check, or the
 * registry of this process holds a function of that name (prepared at attach, the function
 * keeps its original text while dormant).
 */
export function isPreparedFunction(fn: unknown): boolean {
  if (typeof fn !== 'function') return false;
  // The registry, not the function's text: toString answers the original's.
  const state = (globalThis as Record<symbol, { registry?: { entries(): Iterable<{ name: string }> } } | undefined>)[
    Symbol.for('kheiron.runtime.state')
  ];
  if (!state?.registry) return false;
  const name = (fn as { name: string }).name;
  for (const entry of state.registry.entries()) if (entry.name === name || entry.name.endsWith(`.${name}`)) return true;
  return false;
}

export function fail(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(2);
}
