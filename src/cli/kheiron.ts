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
import { run } from './run.js';
import { UsageError } from './usage.js';

const USAGE = `Usage: kheiron <command> [options]

Commands:
  run [--include GLOB]... [--exclude GLOB]... [--] script.js [args...]
      Run a Node.js program with every function of its own files prepared.
  ps [--json]                          this user's Kheiron processes
  functions <pid> [pattern] [--json]   the registry of a process
  status <pid> [--json]                rules attached, audit counters
  attach <pid> <rules.ts|rules.js>     attach a rules module, all or nothing
  detach <pid> <rule-id>... | --all    detach rules
  audit <pid> [--follow] [--json]      the audit trail
  watch <pid> <target> [--rate N]      calls as they happen; Ctrl-C detaches
  inject <pid> <target> --throw MSG [--times N]   fault injection
  console [--port N] [--open]          the local web console on 127.0.0.1, at the address
                                       it prints (with a one-time token)
  demo [--seconds N] [--connections N] [--console [--open]]
      A service with two latent bugs under load; repairs attached and detached while it
      runs. Exit code 0 when the repairs worked. --console shows it in the web console.
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
    case 'ps':
      return ps(rest);
    case 'console':
      return consoleCommand(rest);
    case 'functions':
      return listFunctions(rest);
    case 'status':
      return status(rest);
    case 'attach':
      return attachRules(rest);
    case 'detach':
      return detachRules(rest);
    case 'audit':
      return audit(rest);
    case 'watch':
      return watchCalls(rest);
    case 'inject':
      return injectFault(rest);
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
      process.exitCode = error instanceof UnreachableError || error instanceof InspectorRefused ? 3 : 1;
    }
  },
);
