/**
 * Attaches hooks that do nothing at every control point of every function loaded so far (and
 * of those loaded later), and reports at exit how many it reached and how many it could not.
 */
import { attach } from '../../src/index.js';

const handle = attach({ target: '**', before() {}, after() {}, onThrow() {} });
process.on('exit', () => {
  for (const { entry, reason } of handle.unreached)
    process.stderr.write(`KHEIRON_UNREACHED ${entry.name}: ${reason}\n`);
  process.stderr.write(
    `KHEIRON_HOOKED ${handle.functions.length} ERRORS ${handle.errors} UNREACHED ${handle.unreached.length}\n`,
  );
});
