import { command, pidOf, withAgent } from '../command.js';
import { print, printJson } from '../output.js';
import { UsageError } from '../usage.js';

/** `kheiron inject <pid> <target> --throw MSG [--times N]`. */
export const inject = command({
  name: 'inject',
  usage: '<pid> <target> --throw MSG [--times N]',
  summary: 'fault injection',
  options: { throw: { type: 'string' }, times: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const pid = pidOf(positionals[0], 'inject');
    if (!positionals[1] || values.throw === undefined)
      throw new UsageError('inject: kheiron inject <pid> <target> --throw MSG [--times N]');
    const params = {
      target: positionals[1],
      throw: values.throw,
      ...(values.times ? { times: Number(values.times) } : {}),
    };
    const result = await withAgent(pid, (c) => c.call('inject', params));
    if (values.json) printJson(result);
    else print(`attached ${result.id} to ${result.functions.join(', ') || 'no function yet'}`);
    return 0;
  },
});
