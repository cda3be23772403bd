import { debuglog } from 'node:util';
import { readEnv } from '../config/env.js';

/*
 * What the loader did with each file, for the user who wonders why a function is missing:
 * `NODE_DEBUG=kheiron` prints a line a file and a summary at exit; `KHEIRON_SUMMARY=1`
 * prints the summary alone.
 */

const debug = debuglog('kheiron');
const skipped = new Map<string, number>();
let prepared = 0;
let summaryHooked = false;

function summaryAtExit(): void {
  if (summaryHooked || !(debug.enabled || readEnv('KHEIRON_SUMMARY'))) return;
  summaryHooked = true;
  process.once('exit', () => {
    const reasons = [...skipped].map(([reason, n]) => `${n} ${reason}`).join(', ');
    process.stderr.write(
      `kheiron: prepared ${prepared} module${prepared === 1 ? '' : 's'}${reasons ? `; left alone: ${reasons}` : ''}\n`,
    );
  });
}

export function reportPrepared(filename: string, how: string): void {
  prepared++;
  summaryAtExit();
  if (debug.enabled) debug('prepared %s (%s)', filename, how);
}

export function reportSkipped(filename: string, reason: string): void {
  skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  summaryAtExit();
  if (debug.enabled) debug('left alone %s: %s', filename, reason);
}
