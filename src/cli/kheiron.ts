#!/usr/bin/env node
/**
 * The `kheiron` command. Exit codes: 0 success; 1 the command failed (the agent refused it:
 * the message says why); 2 bad usage; 3 no agent could be reached for that process; for
 * `run` and `demo`, see their descriptions.
 */
import { UnreachableError } from './client.js';
import { attachRules, audit, detachRules, injectFault, listFunctions, ps, status, watchCalls } from './commands.js';
import { consoleCommand } from '../console/command.js';
import { demo } from './demo.js';
import { InspectorRefused } from './inspector.js';
import { printableLines } from './printable.js';
import { run } from './run.js';
import { UsageError } from './usage.js';

interface Command {
  usage: string;
  summary: string;
  run: (argv: string[]) => Promise<number>;
}

/** The commands: their usage lines make the help text, and `kheiron <command> --help` shows one. */
const COMMANDS: Record<string, Command> = {
  run: { usage: 'run [--include GLOB]... [--exclude GLOB]... [--] script.js [args...]', summary: 'Run a Node.js program with every function of its own files prepared.', run },
  ps: { usage: 'ps [--json]', summary: "this user's Kheiron processes (a process that does not answer within 2 s is listed as not responding)", run: ps },
  functions: {
    usage: 'functions <pid> [pattern] [--allow-inspector] [--json]',
    summary:
      'the registry of a process: every function, where it is, how it was prepared. A process started without Kheiron gets\n' +
      '      the agent without rules first, only with --allow-inspector (what it risks: see attach)',
    run: listFunctions,
  },
  status: { usage: 'status <pid> [--json]', summary: 'rules attached, audit counters', run: status },
  attach: {
    usage: 'attach <pid> <rules.ts|rules.js> [--pending] [--allow-inspector] [--json]',
    summary:
      'attach a rules module, all or nothing; a rule that matches no function is refused unless --pending (it then waits for modules not loaded yet).\n' +
      "      To a process started without Kheiron, only with --allow-inspector: it opens the process's inspector on 127.0.0.1 for a few\n" +
      "      milliseconds (SIGUSR1), and any local user who connects to it in that time can run code as the process's user.",
    run: attachRules,
  },
  detach: { usage: 'detach <pid> <rule-id>... | --all', summary: 'detach rules', run: detachRules },
  audit: { usage: 'audit <pid> [--follow] [--json]', summary: 'the audit trail', run: audit },
  watch: { usage: 'watch <pid> <target> [--rate N] [--depth N] [--json]', summary: 'calls as they happen, one line each, values to --depth levels (default 1, at most 4); Ctrl-C detaches', run: watchCalls },
  inject: { usage: 'inject <pid> <target> --throw MSG [--times N]', summary: 'fault injection', run: injectFault },
  console: { usage: 'console [--port N] [--open]', summary: 'the local web console on 127.0.0.1, at the address it prints (with a one-time token)', run: consoleCommand },
  demo: {
    usage: 'demo [--seconds N] [--connections N] [--console [--open]]',
    summary: 'A service with two latent bugs under load; repairs attached and detached while it runs. Exit code 0 when the repairs worked. --console shows it in the web console.',
    run: demo,
  },
};

const USAGE = `Usage: kheiron <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}`)
  .join('\n')}
  help [command]
      Show this text, or one command's.
`;

function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return `Usage: kheiron ${c.usage}\n\n${c.summary}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? rest[0] : undefined;
    process.stdout.write(topic !== undefined && topic in COMMANDS ? commandHelp(topic) : USAGE);
    return command === undefined ? 2 : 0;
  }
  const found = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!found) throw new UsageError(`unknown command '${command}'`);
  // `--help` anywhere before `--`; for `run`, only before the script, whose arguments are its own.
  const own = command === 'run' ? rest.slice(0, 1) : rest.indexOf('--') >= 0 ? rest.slice(0, rest.indexOf('--')) : rest;
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  return found.run(rest);
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
      process.stderr.write(`kheiron: ${printableLines((error instanceof Error ? error.message : String(error)).replace(/^kheiron: /, ''))}\n`);
      process.exitCode = error instanceof UnreachableError || error instanceof InspectorRefused ? 3 : 1;
    }
  },
);
