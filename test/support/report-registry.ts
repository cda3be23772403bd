// Loaded with `--import`: on exit, reports how many functions Kheiron prepared.
import { functions } from '../../src/index.js';

process.on('exit', () => {
  process.stderr.write(`KHEIRON_FUNCTIONS ${functions().length}\n`);
});
