import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirProblem } from '../agent/paths.js';

/** `node:crypto` (OpenSSL) is loaded with the first module to prepare, not with the loader. */
function createHash(algorithm: string): import('node:crypto').Hash {
  return process.getBuiltinModule('node:crypto').createHash(algorithm);
}

/**
 * A hash of the code that decides what prepared code looks like (the transform, the names it
 * emits, the loader's finishing of it): part of every cache key, so that a changed transform
 * never reads old entries.
 */
export function transformHash(): string {
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const transform = join(src, 'transform');
  for (const file of readdirSync(transform)
    .filter((f) => f.endsWith('.js'))
    .sort())
    hash.update(file).update(readFileSync(join(transform, file)));
  hash.update(readFileSync(join(src, 'emitted.js'))).update(readFileSync(join(src, 'loader', 'prepare-source.js')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Why the cache directory (created owner-only where missing) cannot be trusted, or undefined:
 * it must be this user's private directory, as the control socket's is (agent/paths.ts).
 */
export function cacheDirProblem(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // there already, or not ours to make: the check says which
  }
  return dirProblem(dir);
}

/**
 * Node's compile cache (V8's code cache of every module compiled from now on), in a
 * directory of Kheiron's cache: a warm start compiles the prepared code no more than the
 * original. Only where that directory is this user's alone: V8 runs what it reads there.
 */
export function enableCompileCache(cacheDir: string): void {
  const dir = join(cacheDir, 'v8');
  const enable = (Module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof enable === 'function' && cacheDirProblem(dir) === undefined) enable(dir);
}

/**
 * Prepared code on disk, keyed by content hash, Kheiron version and options, so that a
 * second start transforms nothing. Writes are atomic (write then rename): concurrent
 * processes never read half a file.
 */
export class PreparedCache {
  hits = 0;
  misses = 0;
  private salt: string | undefined;
  constructor(
    private readonly dir: string,
    /** Computed with the first key: a start that loads nothing to prepare reads no transform. */
    private readonly makeSalt: () => string,
  ) {}

  key(filename: string, source: string, options: string): string {
    this.salt ??= this.makeSalt();
    return createHash('sha256')
      .update(this.salt)
      .update('\0')
      .update(options)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  }

  /** Whether the directory is the user's own and nobody else can write it: its code is run. */
  private trusted: boolean | undefined;

  private safe(): boolean {
    if (this.trusted === undefined) {
      const problem = cacheDirProblem(this.dir);
      this.trusted = problem === undefined;
      if (problem !== undefined) process.stderr.write(`kheiron: not using the cache ${this.dir}: ${problem}\n`);
    }
    return this.trusted;
  }

  get(key: string, kind = 'js'): string | undefined {
    if (!this.safe()) return undefined;
    try {
      const code = readFileSync(this.path(key, kind), 'utf8');
      this.hits++;
      return code;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  set(key: string, code: string, kind = 'js'): void {
    if (!this.safe()) return;
    const path = this.path(key, kind);
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, code, { mode: 0o600 });
      renameSync(tmp, path);
    } catch {
      // A cache that cannot be written only costs the next start a transform.
    }
  }

  /** `kind`: 'js' for code, 'json' for the registry of a module prepared at attach. */
  private path(key: string, kind: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.${kind}`);
  }
}
