/**
 * Finding the agent of a process, and checking that it is that process's, before the CLI
 * sends it anything.
 *
 * 1. The directory: this user's, not a link, not writable by others, nor replaceable by
 *    them from above (paths.ts). Another user can create the conventional directory first,
 *    so agents may listen in a directory of their own beside it; a directory of another
 *    user's is never used, and what it holds for a pid is refused with the reason.
 * 2. The socket: this user's, a socket, not a link, not writable by others.
 * 3. The process (Linux, from /proc): it runs as this user, and holds the listening socket
 *    bound to that path (the socket's inode in /proc/<pid>/net/unix, and among the links of
 *    /proc/<pid>/fd). Node has no SO_PEERCRED, so this checks the listener, not the accepted
 *    connection; in a directory that only this user can write to, nobody else can put
 *    another listener at that path between the check and the connect.
 * 4. The agent's `hello` reports the pid the socket is named after.
 *
 * Where /proc is missing or unreadable (another OS, a process that is not dumpable), step 3
 * is skipped and steps 1, 2 and 4 remain: they keep out other users (the kernel's owner of
 * the directory and socket), not this user's own processes.
 */
import { readdirSync, readFileSync, readlinkSync, rmdirSync, unlinkSync } from 'node:fs';
import { socketDirectories, socketPath, socketProblem, type SocketDirectory } from '../agent/paths.js';

/** The process has no agent we can reach: exit code 3. */
export class UnreachableError extends Error {}

/** What answers for the process is not this user's agent of that process: refused, exit code 1. */
export class UntrustedError extends Error {}

function refusal(path: string, why: string): string {
  return `refusing ${path}: ${why}; another user may be impersonating a Kheiron agent`;
}

/** The socket of `pid`'s agent, checked; throws UntrustedError or UnreachableError. */
export function locateAgent(pid: number): string {
  const refused: string[] = [];
  let stale: string | undefined;
  for (const dir of ordered(socketDirectories(pid))) {
    const path = socketPath(pid, dir.dir);
    const problem = socketProblem(path);
    if (problem !== undefined && /: (ENOENT|ENOTDIR)$/.test(problem)) continue;
    if (dir.problem !== undefined) {
      refused.push(refusal(path, dir.problem));
      continue;
    }
    if (problem !== undefined) {
      refused.push(refusal(path, problem));
      continue;
    }
    const peer = peerProblem(pid, path);
    if (peer === undefined) {
      for (const r of refused) warn(r);
      return path;
    }
    if (peer.stale) stale ??= path;
    else refused.push(refusal(path, peer.why));
  }
  if (refused.length > 0) throw new UntrustedError(`process ${pid}: ${refused.join('; ')}`);
  if (stale !== undefined)
    throw new UnreachableError(`process ${pid}: the agent is not listening (the process has exited?) (${stale})`);
  throw new UnreachableError(
    `process ${pid}: no Kheiron agent (was it started with kheiron/register?) (${socketPath(pid)})`,
  );
}

/** The conventional directory first, then the agents' own. */
function ordered(dirs: SocketDirectory[]): SocketDirectory[] {
  return [...dirs.filter((d) => d.pid === undefined), ...dirs.filter((d) => d.pid !== undefined)];
}

/** Every agent socket of this user's, by pid, and what was refused on the way. */
export function listAgents(): { agents: { pid: number; path: string; dir: SocketDirectory }[]; refused: string[] } {
  const agents: { pid: number; path: string; dir: SocketDirectory }[] = [];
  const refused: string[] = [];
  for (const dir of socketDirectories()) {
    let names: string[];
    try {
      names = readdirSync(dir.dir).filter((n) => /^\d+\.sock$/.test(n));
    } catch {
      names = [];
    }
    if (dir.problem !== undefined) {
      // Another user's directory: not used, whatever it holds.
      refused.push(`ignoring ${dir.dir}: ${dir.problem}; another user may be impersonating Kheiron agents`);
      continue;
    }
    for (const name of names) {
      const pid = Number(name.slice(0, -5));
      if (dir.pid !== undefined && dir.pid !== pid) continue;
      agents.push({ pid, path: socketPath(pid, dir.dir), dir });
    }
  }
  return { agents, refused };
}

/** Removes the socket of a process that is gone, and the agent's own directory with it. */
export function removeStale(agent: { path: string; dir: SocketDirectory }): void {
  try {
    unlinkSync(agent.path);
    if (agent.dir.pid !== undefined) rmdirSync(agent.dir.dir);
  } catch {
    // someone else removed it
  }
}

/**
 * Why `pid` is not the process listening on `path` (from /proc), or undefined when it is or
 * when /proc cannot tell. `stale`: nothing listens on the path at all.
 */
export function peerProblem(pid: number, path: string): { why: string; stale: boolean } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && procMounted())
      return { why: `no process ${pid}`, stale: true };
    return undefined;
  }
  const uid = process.getuid?.();
  const effective = /^Uid:\s+\d+\s+(\d+)/m.exec(status)?.[1];
  if (uid !== undefined && effective !== undefined && Number(effective) !== uid)
    return { why: `process ${pid} runs as uid ${effective}, not as you (uid ${uid})`, stale: false };
  let table: string;
  try {
    table = readFileSync(`/proc/${pid}/net/unix`, 'utf8');
  } catch {
    return undefined;
  }
  // Num RefCount Protocol Flags Type St Inode Path; Flags 00010000: listening.
  const inodes = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 8 && f.slice(7).join(' ') === path && (parseInt(f[3]!, 16) & 0x10000) !== 0) inodes.add(f[6]!);
  }
  if (inodes.size === 0) return { why: `nothing listens on ${path}`, stale: true };
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m && inodes.has(m[1]!)) return undefined;
    } catch {
      // closed meanwhile
    }
  }
  return { why: `the socket listening on it is not held by process ${pid}`, stale: false };
}

function procMounted(): boolean {
  try {
    readFileSync('/proc/self/status');
    return true;
  } catch {
    return false;
  }
}

function warn(text: string): void {
  process.stderr.write(`kheiron: ${text}\n`);
}
