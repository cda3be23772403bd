import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { AgentClient } from './client.js';
import { UsageError } from './usage.js';

/** A command's arguments, parsed by its options. */
export type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>;

/**
 * A `kheiron` command: one entry of the table in commands/index.ts, which makes the help
 * text, the usage errors and the dispatch.
 */
export interface Command<O extends ParseArgsOptionsConfig = ParseArgsOptionsConfig> {
  name: string;
  /** What follows the name on the usage line. */
  usage: string;
  summary: string;
  options: O;
  /** The command takes no positional arguments. */
  noPositionals?: true;
  /** What follows the first positional argument (a script) is that program's own: `--help` is ours only first. */
  programArguments?: true;
  run(args: Parsed<O>): Promise<number>;
}

/** A command, its options' types inferred from the table entry. */
export const command = <const O extends ParseArgsOptionsConfig>(c: Command<O>): Command<O> => c;

/** The arguments of `argv` by the command's options; a mistake is a usage error that names the command. */
export function parseCommand<O extends ParseArgsOptionsConfig>(c: Command<O>, argv: string[]): Parsed<O> {
  try {
    return parseArgs({
      args: argv,
      options: c.options,
      allowPositionals: c.noPositionals !== true,
      strict: true,
    }) as Parsed<O>;
  } catch (error) {
    throw new UsageError(`${c.name}: ${(error as Error).message}`);
  }
}

export function pidOf(text: string | undefined, command: string): number {
  const pid = Number(text);
  if (!text || !Number.isInteger(pid) || pid <= 0) {
    throw new UsageError(`${command}: expected a process id, got ${text === undefined ? 'nothing' : `'${text}'`}`);
  }
  return pid;
}

/**
 * Runs `f` with a connection to the agent of `pid`, closed however `f` ends: an error from the
 * agent (a bad target, an event it could not send) ends the command with that error.
 */
export async function withAgent<T>(
  pid: number,
  f: (client: AgentClient) => Promise<T>,
  timeoutMs?: number,
): Promise<T> {
  const client = await AgentClient.open(pid, timeoutMs);
  try {
    return await f(client);
  } finally {
    client.close();
  }
}

/** Streams until Ctrl-C (or the process goes away); closing the connection detaches what it attached. */
export function untilInterrupted(client: AgentClient): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      client.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void client.closed().then(() => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    });
  });
}
