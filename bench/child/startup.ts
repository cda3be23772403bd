// Child harness for start-up: node [--import register.js] startup.js [empty]
// Times require('typescript') in-process (or nothing, for `empty`); performance.now() at the
// end is the time since the process started (including any --import loader); maxRSS is the
// peak resident memory of the process.
import { createRequire } from 'node:module';
import path from 'node:path';
import { report, isPreparedFunction, repoRoot } from './common.js';

const maxRssKb = (): number => process.resourceUsage().maxRSS;
if (process.argv[2] === 'empty') {
  const loaded = Object.getOwnPropertySymbols(globalThis).some((s) => s.description === 'kheiron.runtime.state');
  report({
    node: process.version,
    prepared: loaded,
    checksum: 'empty',
    requireMs: 0,
    sinceStartMs: performance.now(),
    maxRssKb: maxRssKb(),
  });
} else {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const t0 = performance.now();
  const ts = require('typescript') as { version: string; createProgram: unknown };
  const requireMs = performance.now() - t0;
  report({
    node: process.version,
    prepared: isPreparedFunction(ts.createProgram),
    checksum: ts.version,
    requireMs,
    sinceStartMs: performance.now(),
    maxRssKb: maxRssKb(),
  });
}
