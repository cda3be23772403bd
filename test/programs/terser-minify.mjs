// Minifies fixed inputs with terser (node_modules/terser, ESM sources) and
// prints a sha256 and length per output. The minified fixture is executed
// too, and must produce the same result as the original.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { minify } from 'terser';

const require = createRequire(import.meta.url);
const read = (file) => readFileSync(file, 'utf8');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const fixture = new URL('./fixtures/terser-input.js', import.meta.url);
const inputs = [
  { name: 'terser-input.js', code: read(fixture), module: false },
  {
    name: 'acorn/dist/acorn.mjs',
    code: read(require.resolve('acorn').replace(/acorn\.js$/, 'acorn.mjs')),
    module: true,
  },
  { name: 'marked/lib/marked.esm.js', code: read(require.resolve('marked')), module: true },
];

const options = (module) => ({
  module,
  sourceMap: false,
  compress: { passes: 2, unsafe_arrows: false, pure_getters: 'strict' },
  mangle: { toplevel: module },
  format: { comments: false, ascii_only: true },
});

function runCommonJs(code) {
  const module = { exports: {} };
  vm.runInNewContext(code, { module, exports: module.exports, Math, Object, String, Set, Map, Error });
  return module.exports.run();
}

for (const input of inputs) {
  const result = await minify({ [input.name]: input.code }, options(input.module));
  const code = result.code;
  console.log(`${input.name}: ${input.code.length} -> ${code.length} ${sha256(code)}`);
  console.log(`  head: ${code.slice(0, 100)}`);
  if (!input.module) {
    const original = runCommonJs(input.code);
    const minified = runCommonJs(code);
    console.log(`  run: ${original === minified ? 'same' : 'DIFFERENT'} ${sha256(minified)}`);
    console.log(minified);
  }
}
