import { command, pidOf, untilInterrupted, withAgent } from '../command.js';
import { print, printJson } from '../output.js';
import { printable } from '../printable.js';
import { UsageError } from '../usage.js';

/** `kheiron watch <pid> <target>`: calls as they happen, rate-capped; Ctrl-C detaches. */
export const watch = command({
  name: 'watch',
  usage: '<pid> <target> [--rate N] [--depth N] [--json]',
  summary: 'calls as they happen, one line each, values to --depth levels (default 1, at most 4); Ctrl-C detaches',
  options: { rate: { type: 'string' }, depth: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const depth = values.depth === undefined ? 1 : Number(values.depth);
    if (!(Number.isInteger(depth) && depth >= 0 && depth <= 4))
      throw new UsageError('watch: --depth must be an integer from 0 to 4');
    const pid = pidOf(positionals[0], 'watch');
    const target = positionals[1];
    if (!target) throw new UsageError('watch: which functions? kheiron watch <pid> <target>');
    const rate = values.rate === undefined ? 20 : Number(values.rate);
    if (!(rate > 0)) throw new UsageError('watch: --rate must be a positive number');
    const json = values.json === true;
    return withAgent(pid, async (client) => {
      client.onNotification((method, e) => show(method, e, rate, json));
      const { functions } = await client.call('watch', { target, rate, depth });
      if (functions.length === 0)
        throw new Error(`watch: no function of process ${pid} matches ${target} (kheiron functions ${pid} lists them)`);
      process.stderr.write(
        `${printable(`watching ${functions.length} functions${functions.length ? `: ${functions.join(', ')}` : ''}; Ctrl-C to stop`)}\n`,
      );
      await untilInterrupted(client);
      return 0;
    });
  },
});

/** One notification of the watch: a call, or how many were not shown and why. */
function show(method: string, e: any, rate: number, json: boolean): void {
  if (method === 'dropped' && e?.method === 'watch') {
    if (json) printJson({ dropped: e.dropped, reason: e.reason });
    else print(`  (${e.dropped} calls not shown: this terminal did not read them fast enough)`);
    return;
  }
  if (method !== 'watch') return;
  if (json) printJson(e);
  else if (e.dropped) print(`  (${e.dropped} calls not shown: over ${rate}/s)`);
  else
    print(
      `${e.function}(${Array.isArray(e.args) ? e.args.join(', ') : ''}) ${'error' in e ? `threw ${e.error}` : `= ${e.result}`}  ${e.durationMs} ms`,
    );
}
