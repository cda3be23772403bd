/**
 * `--import` this after the loader: attaches hooks that do nothing at every control point
 * of every function, and reports at exit how many functions they reached.
 */
import { attach } from '../../src/index.js';

const handle = attach({ target: '**', before() {}, after() {}, onThrow() {} });
process.on('exit', () => {
  process.stderr.write(`KHEIRON_HOOKED ${handle.functions.length} ERRORS ${handle.errors}\n`);
});
