import { command, pidOf, withAgent } from '../command.js';
import { print, printJson } from '../output.js';
import { UsageError } from '../usage.js';

/** `kheiron detach <pid> [rule-id…|--all]`. */
export const detach = command({
  name: 'detach',
  usage: '<pid> <rule-id>... | --all',
  summary: 'detach rules',
  options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const pid = pidOf(positionals[0], 'detach');
    const ids = positionals.slice(1);
    if (!values.all && ids.length === 0)
      throw new UsageError('detach: which rules? kheiron detach <pid> <rule-id>... | --all');
    const result = await withAgent(pid, (c) => c.call('detach', values.all ? { all: true } : { ids }));
    if (values.json) printJson(result);
    else print(result.detached.length === 0 ? 'no rules were attached' : `detached ${result.detached.join(', ')}`);
    return 0;
  },
});
