import { command, pidOf, withAgent } from '../command.js';
import { ensureAgent } from '../ensure-agent.js';
import { print, printJson, table } from '../output.js';

const LOADED_NOTE =
  '  (started without Kheiron: the agent was loaded without rules. Listed are the functions a rule can reach: ' +
  'prepared in place over V8 LiveEdit [live-edit], dormant until a rule targets them, and exports patched only ' +
  'while hooks are attached [patched]. What V8 refused and nothing else reaches is not listed: kheiron attach ' +
  'names it, with the reason)';

/**
 * `kheiron functions <pid> [pattern]`: the registry of that process. A process started
 * without Kheiron gets the agent first, without rules (with --allow-inspector), as attach does.
 */
export const functions = command({
  name: 'functions',
  usage: '<pid> [pattern] [--allow-inspector] [--json]',
  summary:
    'the registry of a process: every function, where it is, how it was prepared. A process started without ' +
    'Kheiron gets\n' +
    '      the agent without rules first, only with --allow-inspector (what it risks: see attach)',
  options: { json: { type: 'boolean' }, 'allow-inspector': { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const pid = pidOf(positionals[0], 'functions');
    const pattern = positionals[1];
    const loaded = await ensureAgent(pid, values['allow-inspector'] === true, 'without rules, to list its functions');
    // The first request after the agent is loaded edits the scripts in: it takes longer than a query.
    const timeoutMs = loaded ? 60_000 : undefined;
    const entries = await withAgent(pid, (c) => c.call('functions', pattern ? { pattern } : {}, timeoutMs), timeoutMs);
    if (values.json) printJson(entries);
    else if (entries.length === 0)
      print(pattern ? `no function of process ${pid} matches ${pattern}` : `process ${pid} has no prepared functions`);
    else {
      const rows = entries.map((e: any) => [e.id, e.kind, e.name, `${e.module}:${e.line}`, e.prepared]);
      for (const line of table([['ID', 'KIND', 'NAME', 'WHERE', 'PREPARED'], ...rows])) print(line);
    }
    if (loaded && !values.json) print(LOADED_NOTE);
    return 0;
  },
});
