import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WindowReport, WindowRequest } from './inspector-window.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REMOTE_AGENT = resolve(HERE, '../agent/remote.js');
const WINDOW = resolve(HERE, 'inspector-window.js');
/** How long the CLI waits for the inspector window to open and close; the window process keeps going after it. */
const REPORT_MS = 30_000;

/** The process could not be reached over its inspector: nothing was loaded into it. */
export class InspectorRefused extends Error {}

/** What the opt-in is, and what it risks: the help text and the refusal both say it. */
export const INSPECTOR_RISK =
  "--allow-inspector opens the process's inspector on 127.0.0.1 for a few milliseconds (SIGUSR1); any local user " +
  "who connects to it in that time can run code as the process's user";

/** Attach over the inspector is an explicit opt-in: without it, refuse and say why. */
export function requireInspectorOptIn(pid: number, allowed: boolean): void {
  if (!allowed)
    throw new InspectorRefused(
      `process ${pid} was started without Kheiron: loading the agent over its inspector needs --allow-inspector. ` +
        `${INSPECTOR_RISK}`,
    );
}

/**
 * Loads the agent into a process started without Kheiron. A detached process does the part
 * between the signal that opens the target's inspector and the evaluation that closes it, so
 * that nothing that happens to the CLI (Ctrl-C, its end) leaves the inspector open; the
 * target's first evaluation closes its inspector, then loads the agent.
 */
export async function loadAgentOverInspector(
  pid: number,
  env: { socketDir: string },
): Promise<Extract<WindowReport, { ok: true }>> {
  refuseUnreachable(pid);
  const request: WindowRequest = { pid, socketDir: env.socketDir, remoteAgent: REMOTE_AGENT };
  const child = spawn(process.execPath, [WINDOW, JSON.stringify(request)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.unref();
  const result = await windowReport(pid, child);
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  child.stdout!.destroy();
  if (!result.ok) throw new InspectorRefused(result.message);
  tellWindow(pid, result);
  if (result.agentError !== undefined) throw new Error(`process ${pid}: the agent did not start: ${result.agentError}`);
  return result;
}

/** A process that is not there, another user's, or a system without /proc: refused before any signal. */
function refuseUnreachable(pid: number): void {
  try {
    process.kill(pid, 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InspectorRefused(code === 'EPERM' ? `process ${pid} belongs to another user` : `no process ${pid}`);
  }
  if (!existsSync(`/proc/${pid}/net/tcp`))
    throw new InspectorRefused(
      `attach over the inspector needs /proc (Linux), to find the port process ${pid} opens and who else connects ` +
        `to it`,
    );
}

/** The window process's one-line report, or why there is none. */
function windowReport(pid: number, child: ChildProcess): Promise<WindowReport> {
  return new Promise<WindowReport>((resolvePromise) => {
    let out = '';
    const timer = setTimeout(
      () =>
        resolvePromise({
          ok: false,
          message:
            `no word from the attach over the inspector of process ` +
            `${pid} within ${REPORT_MS / 1000} s (process ${child.pid} keeps watching it, to close its inspector)`,
        }),
      REPORT_MS,
    );
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const line = out.indexOf('\n');
      if (line < 0) return;
      clearTimeout(timer);
      try {
        resolvePromise(JSON.parse(out.slice(0, line)) as WindowReport);
      } catch {
        resolvePromise({
          ok: false,
          message: `attach over the inspector: unreadable report ${JSON.stringify(out.slice(0, line))}`,
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({
        ok: false,
        message: `attach over the inspector: the window process exited (${code}) without a report`,
      });
    });
  });
}

/** How long the inspector was open, and who else reached it. */
function tellWindow(pid: number, result: Extract<WindowReport, { ok: true }>): void {
  process.stderr.write(
    `the inspector of process ` +
      `${pid} (${result.host}:${result.port}) was open ${result.windowMs.toFixed(1)} ms, closed ${result.closedMs.toFixed(1)} ms after the signal\n`,
  );
  if (result.intruders.length > 0) {
    const uids = [...new Set(result.intruders.map((x) => x.uid).filter((u) => u !== undefined))];
    process.stderr.write(
      `warning: while it was open, ` +
        `${result.intruders.length} other connection${result.intruders.length === 1 ? '' : 's'}${uids.length ? ` (uid ${uids.join(', ')})` : ''} reached it after kheiron's: they may have run code in process ${pid}\n`,
    );
  }
}
