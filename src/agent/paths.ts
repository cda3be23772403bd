import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The private per-user directory of control sockets: `$XDG_RUNTIME_DIR/kheiron`, else
 * `<tmp>/kheiron-<uid>`; mode 0700, owned by this user, or nothing is created in it.
 */
export function socketDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KHEIRON_SOCKET_DIR) return env.KHEIRON_SOCKET_DIR;
  const uid = process.getuid?.() ?? 0;
  return env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'kheiron') : join(tmpdir(), `kheiron-${uid}`);
}

export function socketPath(pid: number, dir = socketDir()): string {
  return join(dir, `${pid}.sock`);
}

/** Creates the directory if needed and checks that nobody else can reach into it. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  const uid = process.getuid?.();
  if (!stat.isDirectory()) throw new Error(`kheiron: ${dir} is not a directory`);
  if (uid !== undefined && stat.uid !== uid) throw new Error(`kheiron: ${dir} belongs to uid ${stat.uid}, not to this user (${uid})`);
  if ((stat.mode & 0o077) !== 0) throw new Error(`kheiron: ${dir} is open to other users (mode ${(stat.mode & 0o777).toString(8)}); expected 700`);
}
