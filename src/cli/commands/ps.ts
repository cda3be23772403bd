import { NotRespondingError, processExists, UnreachableError, UntrustedError } from '../client.js';
import { command, withAgent } from '../command.js';
import { listAgents, removeStale } from '../locate.js';
import { print, printJson, table } from '../output.js';
import { printable } from '../printable.js';

/** How long `ps` waits for each process. */
const PS_TIMEOUT_MS = 2000;

interface Found {
  pid: number;
  responding: boolean;
  command?: string;
  uptimeS?: number;
  functions?: number;
  rules?: number;
}

/**
 * `kheiron ps`: this user's processes with a Kheiron agent. A directory of another user's
 * where agents would be is named on stderr, and makes the exit code 1.
 */
export const ps = command({
  name: 'ps',
  usage: '[--json]',
  summary: "this user's Kheiron processes (a process that does not answer within 2 s is listed as not responding)",
  options: { json: { type: 'boolean' } },
  run: async ({ values }) => {
    const { agents, refused } = listAgents();
    const found: Found[] = [];
    // Asked all at once, each with a short deadline: one blocked process does not hold up the list.
    await Promise.all(
      agents.map(async (agent) => {
        const { pid } = agent;
        try {
          const status = await withAgent(pid, (c) => c.call('status', {}, PS_TIMEOUT_MS), PS_TIMEOUT_MS);
          found.push({
            pid,
            responding: true,
            command: status.argv.join(' '),
            uptimeS: status.uptimeS,
            functions: status.functions,
            rules: status.rules.length,
          });
        } catch (error) {
          if (!processExists(pid))
            removeStale(agent); // left behind by a process that died without cleaning up
          else if (error instanceof NotRespondingError) found.push({ pid, responding: false });
          else if (error instanceof UntrustedError) refused.push(error.message);
          else if (!(error instanceof UnreachableError)) throw error;
        }
      }),
    );
    found.sort((a, b) => a.pid - b.pid);
    for (const line of new Set(refused)) process.stderr.write(`kheiron: ${printable(line)}\n`);
    if (values.json) printJson(found);
    else if (found.length === 0) print('no Kheiron processes');
    else for (const line of table([['PID', 'UPTIME', 'FUNCTIONS', 'RULES', 'COMMAND'], ...found.map(row)])) print(line);
    return refused.length > 0 ? 1 : 0;
  },
});

function row(p: Found): string[] {
  if (!p.responding)
    return [
      String(p.pid),
      '-',
      '-',
      '-',
      `(not responding within ${PS_TIMEOUT_MS / 1000} s: its event loop is busy or blocked)`,
    ];
  return [String(p.pid), `${p.uptimeS}s`, String(p.functions), String(p.rules), p.command!];
}
