import { createServer, type Server, type Socket } from 'node:net';
import type { RepairEngine } from '../engine/index.js';
import type { Unreached } from '../live-edit/index.js';
import { claimSocket } from './paths.js';
import { LIMITS } from './protocol.js';
import { ControlServer } from './server.js';

export interface AgentOptions {
  /** Directory of the control socket (default: the private per-user directory). */
  dir?: string;
  /** Also listen on this loopback TCP port, for clients that present `token`. */
  tcpPort?: number;
  token?: string;
  engine?: RepairEngine;
  /** Called before each request that reads or selects functions: registers newly reachable ones. */
  discover?: () => void | Promise<void>;
  /** Functions that could not be made attachable, and why: each rule's report lists those it would match. */
  unreachable?: () => Unreached[];
  /** The process was started without Kheiron: its functions are edited in place or patched, where they can be. */
  unprepared?: boolean;
  /** Where the agent's own problems are reported (default: stderr). They never stop the application. */
  report?: (message: string) => void;
}

export interface Agent {
  readonly path: string;
  close(): void;
}

/**
 * The in-process side of the control channel: a local socket only this user can open,
 * named by the pid, removed at exit (also at SIGTERM, SIGINT and SIGHUP that the application
 * does not handle itself). Never keeps the process alive, and never stops it: a problem of the
 * agent's (a TCP port in use, a bad setting) is reported on stderr and the application runs on.
 */
export function startAgent(options: AgentOptions = {}): Agent {
  const report = options.report ?? ((message: string) => void process.stderr.write(`kheiron: ${message}\n`));
  // In the conventional directory, or in one of its own beside it when that one is not
  // this user's alone (paths.ts).
  const claimed = claimSocket(process.pid, options.dir);
  const path = claimed.path;
  if (claimed.fallback) report(`${claimed.fallback}: the control socket is ${path}`);
  const tcpProblem = options.tcpPort === undefined ? undefined : tcpSettingsProblem(options.tcpPort, options.token);
  const only = `; the agent listens on ${path} only`;
  if (tcpProblem) report(`TCP agent not started: ${tcpProblem}${only}`);
  const tcpPort = options.tcpPort !== undefined && !tcpProblem ? options.tcpPort : undefined;
  const server = new ControlServer(options, tcpPort === undefined ? undefined : options.token);
  const unix = listenUnix(path, server.connection(false));
  unix.on('error', (error: NodeJS.ErrnoException) =>
    report(`agent not listening on ${path}: ${error.code ?? error.message}`),
  );
  const servers: Server[] = [unix];
  if (tcpPort !== undefined) {
    const tcp = createServer(server.connection(true));
    tcp.on('error', (error: NodeJS.ErrnoException) => {
      report(
        `TCP agent not listening on 127.0.0.1:${tcpPort}: ${error.code ?? ''} ${error.message}${only}`.replace(
          / {2,}/g,
          ' ',
        ),
      );
      tcp.close();
    });
    tcp.listen(tcpPort, '127.0.0.1');
    tcp.unref();
    servers.push(tcp);
  }
  const remove = (): void => claimed.release();
  process.on('exit', remove);
  const untrap = trapSignals(remove);
  return {
    path,
    close() {
      process.off('exit', remove);
      untrap();
      for (const server of servers) server.close();
      remove();
    },
  };
}

/** Why the TCP listener cannot start with these settings, if it cannot. */
function tcpSettingsProblem(port: number, token: string | undefined): string | undefined {
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return `port ${String(port)} is not a port number (0-65535; KHEIRON_AGENT_TCP)`;
  if (!token) return `it needs a token (KHEIRON_AGENT_TOKEN) of at least ${LIMITS.minTokenLength} characters`;
  if (token.length < LIMITS.minTokenLength) {
    return (
      `the token (KHEIRON_AGENT_TOKEN) has ${token.length} characters; at least ` +
      `${LIMITS.minTokenLength} are needed`
    );
  }
  return undefined;
}

/** Creates the socket with mode 0600 from the start: no moment where others could connect. */
function listenUnix(path: string, onConnection: (socket: Socket) => void): Server {
  const server = createServer(onConnection);
  const umask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(umask);
  }
  server.unref();
  return server;
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const atSignal = new Set<() => void>();
let trapped = false;

/**
 * Runs `cleanup` when the process is about to die of SIGTERM, SIGINT or SIGHUP, without
 * changing what the signal does: where the application listens for the signal itself, it
 * decides (and the 'exit' listener cleans up if it exits); where it does not, the listener is
 * removed after the cleanup and the signal raised again, so the process dies of it as it would have.
 */
function trapSignals(cleanup: () => void): () => void {
  atSignal.add(cleanup);
  if (!trapped) {
    trapped = true;
    for (const signal of SIGNALS) {
      const listener = (): void => {
        if (process.listenerCount(signal) > 1) return;
        for (const run of atSignal) {
          try {
            run();
          } catch {
            // the others still run
          }
        }
        process.off(signal, listener);
        process.kill(process.pid, signal);
      };
      process.on(signal, listener);
    }
  }
  return () => void atSignal.delete(cleanup);
}
