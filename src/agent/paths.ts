import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  unlinkSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { readEnv } from '../config/env.js';

/**
 * Where control sockets live, and how both sides know that what they find there is this
 * user's own.
 *
 * The conventional directory is `$XDG_RUNTIME_DIR/kheiron`, else `<tmp>/kheiron-<uid>`
 * (`KHEIRON_SOCKET_DIR` overrides). In a shared directory such as /tmp, another user can
 * create that name first. The agent then does not use it: it creates a directory of its
 * own beside it, `<conventional>-<pid>-XXXXXX` (mkdtemp: a new name, mode 0700), and the CLI
 * finds it there. What makes this safe is the owner the kernel records: another user can
 * create a directory of that name, but not one that belongs to this user, so the CLI accepts
 * a directory (and a socket in it) only when it belongs to the user, is not a symbolic link,
 * and no one else can write to it, nor to any directory above it (unless that one is sticky,
 * like /tmp, where others cannot rename or remove what is ours).
 */
export function socketDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = readEnv('KHEIRON_SOCKET_DIR', env);
  if (chosen) return chosen;
  const uid = process.getuid?.() ?? 0;
  return env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'kheiron') : join(tmpdir(), `kheiron-${uid}`);
}

export function socketPath(pid: number, dir = socketDir()): string {
  return join(dir, `${pid}.sock`);
}

const SLASH = sep;
/** Write permission for group or others. */
const SHARED_WRITE = 0o022;
/** Any permission for group or others: what the agent's own directory must not have. */
const SHARED_ANY = 0o077;

function me(): number | undefined {
  return process.getuid?.();
}

function describeMode(stat: Stats): string {
  return (stat.mode & 0o7777).toString(8).padStart(3, '0');
}

/**
 * Why `dir` is not a private directory of this user (owner, not a link, none of the
 * permission bits in `forbidden`), or undefined when it is. Never follows a link.
 */
export function dirProblem(dir: string, forbidden = SHARED_WRITE): string | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    return `${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  const uid = me();
  if (stat.isSymbolicLink()) return `${dir} is a symbolic link`;
  if (!stat.isDirectory()) return `${dir} is not a directory`;
  if (uid !== undefined && stat.uid !== uid) return `${dir} belongs to uid ${stat.uid}, not to you (uid ${uid})`;
  if ((stat.mode & forbidden) !== 0) return `${dir} is open to other users (mode ${describeMode(stat)})`;
  return ancestorsProblem(dir);
}

/**
 * Why someone else could move `dir` away or put another in its place: a directory above it
 * that belongs to another user (root excepted), or that others can write to and that is not
 * sticky. Undefined when no one but this user and root can.
 */
function ancestorsProblem(dir: string): string | undefined {
  return chainProblem(dirname(dir), dir);
}

/**
 * Why another user could write to `dir`, or move it away or put another in its place: it,
 * or a directory above it, belongs to another user (root excepted), or is writable by others
 * and not sticky. Undefined when what this user creates in it stays this user's.
 */
export function sharedDirProblem(dir: string): string | undefined {
  return chainProblem(dir, dir);
}

/** The same, for `start` and every directory above it (links resolved first). */
function chainProblem(start: string, what: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(start);
  } catch (error) {
    return `${start}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  const uid = me();
  const parts = real.split(SLASH).filter(Boolean);
  for (let i = parts.length; i >= 0; i--) {
    const at = SLASH + parts.slice(0, i).join(SLASH);
    const stat = lstatSync(at);
    const where = i === parts.length && start === what ? at : `${at}, above ${what},`;
    if (uid !== undefined && stat.uid !== 0 && stat.uid !== uid) return `${where} belongs to uid ${stat.uid}`;
    if ((stat.mode & SHARED_WRITE) !== 0 && (stat.mode & 0o1000) === 0)
      return `${where} is writable by other users and not sticky (mode ${describeMode(stat)})`;
  }
  return undefined;
}

/** Why `path` is not a socket of this user that only it can write to, or undefined. */
export function socketProblem(path: string): string | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    return `${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  const uid = me();
  if (stat.isSymbolicLink()) return `${path} is a symbolic link`;
  if (!stat.isSocket()) return `${path} is not a socket`;
  if (uid !== undefined && stat.uid !== uid) return `${path} belongs to uid ${stat.uid}, not to you (uid ${uid})`;
  if ((stat.mode & SHARED_WRITE) !== 0) return `${path} is writable by other users (mode ${describeMode(stat)})`;
  return undefined;
}

/** The directory with its parent's links resolved, as the kernel records a socket's path. */
function canonical(dir: string): string {
  try {
    return join(realpathSync(dirname(dir)), basename(dir));
  } catch {
    return dir;
  }
}

/** The socket an agent listens on, and how to give it back at exit. */
export interface ClaimedSocket {
  readonly path: string;
  /** Why the conventional directory was not used, when it was not. */
  readonly fallback?: string;
  /** Removes the socket, and the agent's own directory if it made one. */
  release(): void;
}

/**
 * The agent's side: a socket path in a directory that only this user can reach. The
 * conventional directory `dir` is used when it is (or can be made) a directory of this user
 * with mode 0700; otherwise a new one beside it, made with mkdtemp and checked with lstat
 * after it was made. Throws only when neither can be trusted (a parent directory of another
 * user's), saying why.
 */
export function claimSocket(pid: number, dir = socketDir()): ClaimedSocket {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    // taken, or not ours to make: the check below says why
  }
  const problem = dirProblem(dir, SHARED_ANY);
  if (problem === undefined) {
    const path = socketPath(pid, canonical(dir));
    // A stale socket of an earlier process with this pid: the directory is ours alone.
    if (existsSync(path)) unlinkSync(path);
    return { path, release: () => removeQuietly(path) };
  }
  const parent = dirname(dir);
  const above = chainProblem(parent, dir);
  if (above !== undefined)
    throw new Error(`kheiron: cannot use ${dir} (${problem}), nor make a private directory beside it (${above})`);
  const own = mkdtempSync(join(realpathSync(parent), `${basename(dir)}-${pid}-`));
  const made = dirProblem(own, SHARED_ANY);
  if (made !== undefined) throw new Error(`kheiron: the directory made for the control socket is not private: ${made}`);
  const path = socketPath(pid, own);
  return {
    path,
    fallback: problem,
    release: () => {
      removeQuietly(path);
      try {
        rmdirSync(own);
      } catch {
        // not empty, or gone already
      }
    },
  };
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** A directory where the agent of `pid` may listen: the conventional one, or one of its own beside it. */
export interface SocketDirectory {
  readonly dir: string;
  /** The pid in the name of an agent's own directory; undefined for the conventional one. */
  readonly pid?: number;
  /** Why it cannot be trusted, or undefined. */
  readonly problem?: string;
}

const OWN_DIR = /^(\d+)-[A-Za-z0-9]{6}$/;

/**
 * The CLI's side: the conventional directory and the agents' own directories beside it
 * (all of them, or those of `pid`), each with the reason it cannot be trusted, if any.
 * Directories that do not exist are left out.
 */
export function socketDirectories(pid?: number, dir = socketDir()): SocketDirectory[] {
  const found: SocketDirectory[] = [];
  if (existsOrLink(dir)) found.push({ dir: canonical(dir), problem: dirProblem(dir) });
  const parent = dirname(dir);
  const prefix = `${basename(dir)}-`;
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    // no parent: nothing beside it
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = OWN_DIR.exec(name.slice(prefix.length));
    if (!m || (pid !== undefined && Number(m[1]) !== pid)) continue;
    const own = join(parent, name);
    found.push({ dir: canonical(own), pid: Number(m[1]), problem: dirProblem(own) });
  }
  return found;
}

function existsOrLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
