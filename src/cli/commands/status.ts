import { command, pidOf, withAgent } from '../command.js';
import { print, printJson } from '../output.js';

/** `kheiron status <pid>`. */
export const status = command({
  name: 'status',
  usage: '<pid> [--json]',
  summary: 'rules attached, audit counters',
  options: { json: { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const s = await withAgent(pidOf(positionals[0], 'status'), (c) => c.call('status'));
    if (values.json) {
      printJson(s);
      return 0;
    }
    print(
      `pid ${s.pid}  ${s.node}  up ${s.uptimeS}s  ${s.functions} functions prepared  ${s.rules.length} rules attached`,
    );
    print(`command: ${s.argv.join(' ')}`);
    for (const r of s.rules)
      print(`  rule ${r.id} (${r.set}): ${r.calls} calls, ${r.failures} failures, on ${r.functions.join(', ')}`);
    print(
      `audit: ${Object.entries(s.counters)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    return 0;
  },
});
