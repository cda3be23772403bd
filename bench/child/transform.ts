// Child harness for transform throughput: node transform.js <kheiron|istanbul> <file> <passes>
// Transforms the same source `passes` times, timing each pass.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { report, fail, repoRoot, kheironDist } from './common.js';

interface KheironTransform {
  prepare(
    source: string,
    options: { filename: string; sourceType: 'module' | 'script' },
  ): { code: string; map: unknown; functions: unknown };
}
interface IstanbulLib {
  createInstrumenter(options: object): { instrumentSync(code: string, filename: string): string };
}

const [tool, file, passesArg] = process.argv.slice(2);
if (file === undefined || (tool !== 'kheiron' && tool !== 'istanbul'))
  fail('usage: transform.js <kheiron|istanbul> <file> <passes>');
const passes = Number(passesArg ?? '1');
const source = fs.readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(source);

let transform: (src: string) => { code: string; functions: number };
if (tool === 'kheiron') {
  const mod = (await import(pathToFileURL(path.join(kheironDist, 'transform', 'index.js')).href)) as KheironTransform;
  transform = (src) => {
    const out = mod.prepare(src, { filename: file, sourceType: 'script' });
    const fns = out.functions;
    const count = Array.isArray(fns)
      ? fns.length
      : fns instanceof Map
        ? fns.size
        : typeof fns === 'object' && fns !== null
          ? Object.keys(fns).length
          : Number(fns);
    return { code: out.code, functions: count };
  };
} else {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const istanbul = require('istanbul-lib-instrument') as IstanbulLib;
  transform = (src) => ({
    code: istanbul
      .createInstrumenter({ esModules: false, compact: true, produceSourceMap: true })
      .instrumentSync(src, file),
    functions: -1,
  });
}

const times: number[] = [];
let last: { code: string; functions: number } | undefined;
for (let i = 0; i < passes; i++) {
  const t0 = performance.now();
  last = transform(source);
  times.push(performance.now() - t0);
}
if (last === undefined) fail('no pass ran');
// The output must at least compile (not run) as a script.
try {
  new vm.Script(last.code, { filename: file + '.out.js' });
} catch (e) {
  fail(`${tool} output for ${file} does not compile: ${(e as Error).message}`);
}
report({
  node: process.version,
  tool,
  bytes,
  outBytes: Buffer.byteLength(last.code),
  functions: last.functions,
  times,
  rssMB: process.memoryUsage().rss / 1e6,
});
