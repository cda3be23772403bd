#!/usr/bin/env node
/**
 * The `kheiron` command. Exit codes: 0 success; 1 the command failed (the agent refused it:
 * the message says why); 2 bad usage; 3 no agent could be reached for that process; for
 * `run` and `demo`, see their descriptions.
 */
import { UnreachableError } from './client.js';
import { parseCommand, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { InspectorRefused } from './inspector.js';
import { printableLines } from './printable.js';
import { UsageError } from './usage.js';

const BY_NAME = new Map<string, Command<any>>(COMMANDS.map((c) => [c.name, c]));

const USAGE = `Usage: kheiron <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name} ${c.usage}\n      ${c.summary}`).join('\n')}
  help [command]
      Show this text, or one command's.
`;

function commandHelp(c: Command<any>): string {
  return `Usage: kheiron ${c.name} ${c.usage}\n\n${c.summary}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' && rest[0] !== undefined ? BY_NAME.get(rest[0]) : undefined;
    process.stdout.write(topic ? commandHelp(topic) : USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = BY_NAME.get(name);
  if (!command) throw new UsageError(`unknown command '${name}'`);
  // `--help` anywhere before `--`; for a command that runs a program, only before the program, whose arguments are its
  // own.
  const own = command.programArguments
    ? rest.slice(0, 1)
    : rest.indexOf('--') >= 0
      ? rest.slice(0, rest.indexOf('--'))
      : rest;
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  return command.run(parseCommand(command, rest));
}

// Output piped into a reader that stops (`| head`) is not an error of the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`kheiron: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      // The message may carry the agent's text: escaped, like everything else from it.
      process.stderr.write(
        `kheiron: ${printableLines((error instanceof Error ? error.message : String(error)).replace(/^kheiron: /, ''))}\n`,
      );
      process.exitCode = error instanceof UnreachableError || error instanceof InspectorRefused ? 3 : 1;
    }
  },
);
