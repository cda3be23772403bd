/**
 * What the console asks of the agents: the same sockets and the same client as the `kheiron`
 * command, so the console sees what `kheiron ps` sees. Every answer is bounded in time: a
 * process that does not answer is shown as not responding, never waited for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { socketDir } from '../agent/paths.js';
import { AgentClient, processExists, RemoteError, UnreachableError } from '../cli/client.js';
import { listAgents, removeStale } from '../cli/locate.js';
import { stripTypes, writeCompiledRules, type CompiledRules } from '../cli/compiled-rules.js';

/** How long one request to an agent may take before the console gives up on it. */
export const AGENT_TIMEOUT_MS = 5000;

export interface ProcessSummary {
  pid: number;
  responding: boolean;
  command?: string;
  node?: string;
  uptimeS?: number;
  functions?: number;
  rules?: number;
  problem?: string;
}

/** A request the console refuses before it reaches an agent, or an agent's refusal: HTTP status and message. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Opens a connection to the agent of `pid`, which must have a socket in this user's directory. */
export async function open(pid: number, timeoutMs = AGENT_TIMEOUT_MS): Promise<AgentClient> {
  if (!listAgents().agents.some((agent) => agent.pid === pid))
    throw new ConsoleError(
      404,
      `process ${pid}: no Kheiron agent (no socket in ${socketDir()} or an agent's own directory beside it)`,
    );
  try {
    return await AgentClient.open(pid, timeoutMs);
  } catch (error) {
    throw asConsoleError(error);
  }
}

/** One request on a connection of its own, closed afterwards. */
export async function call(
  pid: number,
  method: string,
  params: Record<string, unknown> = {},
  timeoutMs = AGENT_TIMEOUT_MS,
): Promise<any> {
  const client = await open(pid, timeoutMs);
  try {
    return await client.call(method, params, timeoutMs);
  } catch (error) {
    throw asConsoleError(error);
  } finally {
    client.close();
  }
}

export function asConsoleError(error: unknown): Error {
  if (error instanceof ConsoleError) return error;
  if (error instanceof RemoteError)
    return new ConsoleError(error.code === 1 ? 422 : error.code === 2 ? 404 : 400, error.message, {
      code: error.code,
      ...whereInRules(error.message),
    });
  if (error instanceof UnreachableError) return new ConsoleError(502, error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/** The processes with an agent socket in this user's directory: `kheiron ps`, plus those that do not answer. */
export async function listProcesses(): Promise<ProcessSummary[]> {
  const found = await Promise.all(
    listAgents().agents.map(async (agent): Promise<ProcessSummary | undefined> => {
      const { pid } = agent;
      try {
        const s = await call(pid, 'status', {}, 2000);
        return {
          pid,
          responding: true,
          command: (s.argv as string[]).join(' '),
          node: s.node,
          uptimeS: s.uptimeS,
          functions: s.functions,
          rules: s.rules.length,
        };
      } catch (error) {
        if (!processExists(pid)) {
          removeStale(agent); // left behind by a process that died without cleaning up
          return undefined;
        }
        return { pid, responding: false, problem: (error as Error).message };
      }
    }),
  );
  return found.filter((p): p is ProcessSummary => p !== undefined).sort((a, b) => a.pid - b.pid);
}

/**
 * Attaches a rules file as `kheiron attach` does: the path is taken from the console's
 * working directory, the file must exist, TypeScript is type-stripped (keeping every line)
 * into a private directory beside the original, and the agent validates and applies the set all or nothing.
 */
export async function attachFile(pid: number, path: string, cwd = process.cwd()): Promise<unknown> {
  const file = resolve(cwd, path);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConsoleError(
      400,
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      { file },
    );
  }
  let loadable = file;
  let temporary: CompiledRules | undefined;
  if (/\.[mc]?ts$/.test(file)) {
    // As the CLI does: in a private directory beside the original, never where others can write.
    try {
      temporary = writeCompiledRules(file, await stripTypes(source, file));
    } catch (error) {
      throw new ConsoleError(422, (error as Error).message, whereInRules((error as Error).message));
    }
    loadable = temporary.path;
  }
  try {
    return await call(pid, 'attach', { file: loadable, displayName: file }, 30_000);
  } catch (error) {
    const e = asConsoleError(error);
    if (e instanceof ConsoleError) e.details.source = sourceLine(source, e.details.line);
    throw e;
  } finally {
    temporary?.remove();
  }
}

/** Where an error of a rules file points: `file:line[:column]`, and the rule it names. */
export function whereInRules(message: string): { file?: string; line?: number; column?: number; rule?: string } {
  const at = /(\/[^\s():]+):(\d+)(?::(\d+))?/.exec(message);
  const rule = /rule '([^']+)'/.exec(message);
  return {
    ...(at ? { file: at[1], line: Number(at[2]), ...(at[3] ? { column: Number(at[3]) } : {}) } : {}),
    ...(rule ? { rule: rule[1] } : {}),
  };
}

function sourceLine(source: string, line: unknown): string | undefined {
  return typeof line === 'number' && line > 0 ? source.split('\n')[line - 1] : undefined;
}
