// Child harness for start-up: node [--import register.js] startup.js
// Times require('typescript') in-process; performance.now() at the end is the
// time since the process started (including any --import loader).
import { createRequire } from 'node:module';
import path from 'node:path';
import { report, isPreparedFunction, repoRoot } from './common.js';

const require = createRequire(path.join(repoRoot, 'package.json'));
const t0 = performance.now();
const ts = require('typescript') as { version: string; createProgram: unknown };
const requireMs = performance.now() - t0;
report({ node: process.version, prepared: isPreparedFunction(ts.createProgram), checksum: ts.version, requireMs, sinceStartMs: performance.now() });
