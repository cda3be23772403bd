#!/usr/bin/env node
/**
 * The `kheiron` command. Exit codes: 0 success; 1 the command failed; 2 bad usage;
 * for `run`, the exit code of the program (128 + signal number when a signal ended it).
 */
import { demo } from './demo.js';
import { run } from './run.js';
import { UsageError } from './usage.js';

const USAGE = `Usage: kheiron <command> [options]

Commands:
  run [--include GLOB]... [--exclude GLOB]... [--] script.js [args...]
      Run a Node.js program with every function of its own files prepared.
  demo [--seconds N] [--connections N]
      A service with two latent bugs under load; repairs attached and detached while it
      runs. Exit code 0 when the repairs worked.
  help
      Show this text.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return run(rest);
    case 'demo':
      return demo(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`kheiron: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`kheiron: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
