import { command, pidOf, untilInterrupted, withAgent } from '../command.js';
import { print, printJson } from '../output.js';

/** `kheiron audit <pid> [--follow]`. */
export const audit = command({
  name: 'audit',
  usage: '<pid> [--follow] [--json]',
  summary: 'the audit trail',
  options: { follow: { type: 'boolean' }, json: { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const pid = pidOf(positionals[0], 'audit');
    const show = (e: any): void => {
      if (values.json) printJson(e);
      else
        print(
          `${e.time}  ${String(e.type).padEnd(12)} ${String(e.rule ?? '').padEnd(20)} ${e.function ?? ''}${e.detail ? `  ${JSON.stringify(e.detail)}` : ''}`,
        );
    };
    return withAgent(pid, async (client) => {
      client.onNotification((method, event) => {
        if (method === 'audit') show(event);
        else if (method === 'dropped' && event?.method === 'audit') {
          if (values.json) printJson({ dropped: event.dropped });
          else print(`  (${event.dropped} audit events not shown: this terminal did not read them fast enough)`);
        }
      });
      const { events } = await client.call('audit', { follow: values.follow === true });
      for (const e of events) show(e);
      if (values.follow) await untilInterrupted(client);
      return 0;
    });
  },
});
