import { command, pidOf, withAgent } from '../command.js';
import { print, printJson, table } from '../output.js';

/** `kheiron functions <pid> [pattern]`: the registry of that process. */
export const functions = command({
  name: 'functions',
  usage: '<pid> [pattern] [--json]',
  summary: 'the registry of a process: every function, where it is, how it was prepared',
  options: { json: { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const pid = pidOf(positionals[0], 'functions');
    const pattern = positionals[1];
    const entries = await withAgent(pid, (c) => c.call('functions', pattern ? { pattern } : {}));
    if (values.json) printJson(entries);
    else if (entries.length === 0)
      print(pattern ? `no function of process ${pid} matches ${pattern}` : `process ${pid} has no prepared functions`);
    else {
      const rows = entries.map((e: any) => [e.id, e.kind, e.name, `${e.module}:${e.line}`, e.prepared]);
      for (const line of table([['ID', 'KIND', 'NAME', 'WHERE', 'PREPARED'], ...rows])) print(line);
    }
    return 0;
  },
});
