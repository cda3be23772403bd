import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, REGISTER, TEST_NODES, TSX, runNode } from '../support/node.js';

/** A small application: ESM entry, a CommonJS library, a dependency in node_modules. */
function writeApp(dir: string): void {
  const files: Record<string, string> = {
    'package.json': '{ "name": "app", "type": "module" }',
    'main.js': [
      "import { functions } from 'kheiron-api';",
      "import { Stack } from './stack.js';",
      "import lib from './lib.cjs';",
      "import dep from 'dep';",
      'const s = new Stack();',
      's.push(1); s.push(2);',
      'console.log(s.pop(), lib.square(4), dep.triple(2));',
      "try { lib.fail(); } catch (e) { console.log(e.stack.split('\\n')[1].replace(/^.*[/]/, '').replace(/:\\d+\\)?$/, '')); }",
      "console.log(functions().map((f) => `${f.module.replace(/^.*[/]/, '')}#${f.name}@${f.line}`).sort().join('\\n'));",
    ].join('\n'),
    'stack.js':
      'export class Stack {\n  #items = [];\n  push(x) { this.#items.push(x); }\n  pop() {\n    return this.#items.pop();\n  }\n}\n',
    'lib.cjs':
      "'use strict';\nexports.square = (n) => n * n;\nexports.fail = function fail() {\n  throw new Error('lib failed');\n};\n",
    'node_modules/dep/package.json': '{ "name": "dep", "main": "index.js" }',
    'node_modules/dep/index.js': 'exports.triple = function (n) { return 3 * n; };\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  // The application reaches the API the way users do: by package name.
  mkdirSync(join(dir, 'node_modules/kheiron-api'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules/kheiron-api/package.json'),
    '{ "name": "kheiron-api", "type": "module", "main": "index.js" }',
  );
  writeFileSync(
    join(dir, 'node_modules/kheiron-api/index.js'),
    `export * from ${JSON.stringify(REGISTER.replace('loader/register.js', 'index.js'))};`,
  );
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kheiron-loader-'));
  writeApp(dir);
});
after(() => rmSync(dir, { recursive: true, force: true }));

// The loader on the Node version of this pass (npm test runs the suite on Node 24 and on Node 26).
for (const node of TEST_NODES) {
  describe(`loader on ${node.label}`, () => {
    const run = (env: NodeJS.ProcessEnv = {}, args: string[] = ['main.js']) =>
      runNode(node.path, ['--import', REGISTER, ...args], {
        cwd: dir,
        env: { KHEIRON_CACHE_DIR: join(dir, `.cache-${node.label}`), ...env },
      });

    it('prepares ES modules and CommonJS modules of the application, not node_modules', async () => {
      const plain = await runNode(node.path, ['main.js'], { cwd: dir });
      const r = await run();
      assert.equal(r.code, 0, r.stderr);
      const [first, stackLine, ...names] = r.stdout.trim().split('\n');
      assert.equal(first, plain.stdout.split('\n')[0]);
      assert.equal(first, '2 16 6');
      // The stack line of the throw stays that of the original source.
      assert.equal(stackLine, 'lib.cjs:4');
      assert.deepEqual(names, [
        'lib.cjs#exports.square@2',
        'lib.cjs#fail@3',
        'main.js#<arrow>@9:29@9',
        'stack.js#Stack.prototype.pop@4',
        'stack.js#Stack.prototype.push@3',
      ]);
    });

    it('follows KHEIRON_INCLUDE, which adds to the application, and KHEIRON_EXCLUDE', async () => {
      const r = await run({ KHEIRON_INCLUDE: '**/node_modules/dep/**', KHEIRON_EXCLUDE: '**/stack.js' });
      assert.equal(r.code, 0, r.stderr);
      const names = r.stdout.trim().split('\n').slice(2);
      assert.deepEqual(names, [
        'index.js#exports.triple@1',
        'lib.cjs#exports.square@2',
        'lib.cjs#fail@3',
        'main.js#<arrow>@9:29@9',
      ]);
    });

    it('says what it prepared and what it left alone, and why, with NODE_DEBUG=kheiron', async () => {
      const r = await run({ NODE_DEBUG: 'kheiron', KHEIRON_EXCLUDE: '**/stack.js' });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /KHEIRON \d+: prepared \S*lib\.cjs \(/);
      assert.match(r.stderr, /KHEIRON \d+: left alone \S*stack\.js: excluded/);
      assert.match(r.stderr, /KHEIRON \d+: left alone \S*node_modules\/dep\/index\.js: in node_modules, not included/);
      assert.match(r.stderr, /^kheiron: prepared 2 modules; left alone: 2 in node_modules, not included, 1 excluded$/m);
      const summary = await run({ KHEIRON_SUMMARY: '1' });
      assert.match(summary.stderr, /^kheiron: prepared 3 modules; left alone: 2 in node_modules, not included$/m);
      assert.doesNotMatch(summary.stderr, /KHEIRON \d+:/);
    });

    it('reads kheiron.config.json and names the file when it is wrong', async () => {
      const sub = mkdtempSync(join(dir, 'cfg-'));
      writeApp(sub);
      writeFileSync(join(sub, 'kheiron.config.json'), JSON.stringify({ include: ['lib.cjs'] }));
      const ok = await runNode(node.path, ['--import', REGISTER, 'main.js'], {
        cwd: sub,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(ok.code, 0, ok.stderr);
      assert.deepEqual(ok.stdout.trim().split('\n').slice(2), ['lib.cjs#exports.square@2', 'lib.cjs#fail@3']);
      writeFileSync(join(sub, 'kheiron.config.json'), JSON.stringify({ includes: ['lib.cjs'] }));
      const bad = await runNode(node.path, ['--import', REGISTER, 'main.js'], {
        cwd: sub,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /kheiron\.config\.json: unknown option 'includes'/);
    });

    it('loads a file it cannot parse unprepared, with one warning line naming it', async () => {
      const sub = mkdtempSync(join(dir, 'natives-'));
      // V8 natives syntax: valid for node --allow-natives-syntax, not ECMAScript.
      writeFileSync(
        join(sub, 'natives.cjs'),
        'function f() { return 1; }\nf();\nconsole.log(typeof %GetOptimizationStatus(f), f());\nrequire("./again.cjs");\n',
      );
      writeFileSync(join(sub, 'again.cjs'), 'module.exports = 1;\n');
      const r = await runNode(node.path, ['--allow-natives-syntax', '--import', REGISTER, 'natives.cjs'], {
        cwd: sub,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'number 1\n');
      const warnings = r.stderr.trim().split('\n');
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /^kheiron: not prepared: .*natives\.cjs:3:\d+: /);
    });

    it('loads valid modules that name the runtime global, carry a malformed source map, or nest too deep to parse, as plain Node does', async () => {
      const sub = mkdtempSync(join(dir, 'odd-'));
      const api = JSON.stringify(REGISTER.replace('loader/register.js', 'index.js'));
      const nulls = Buffer.from(JSON.stringify({ version: 3, sources: null, mappings: '' })).toString('base64');
      writeFileSync(
        join(sub, 'own-var.cjs'),
        'var __kheiron = 5;\nfunction g() {\n  return __kheiron;\n}\nconst h = (x) => x + __kheiron;\nmodule.exports = { g, h };\n',
      );
      writeFileSync(
        join(sub, 'own-let.mjs'),
        'let __kheiron = 7, __kheiron1 = 8;\nexport function k() {\n  return __kheiron + __kheiron1;\n}\nexport const twice = (x) => x * 2;\n',
      );
      writeFileSync(
        join(sub, 'null-sources.mjs'),
        `export function m() {\n  return 'mapped';\n}\n//# sourceMappingURL=data:application/json;base64,${nulls}\n`,
      );
      writeFileSync(join(sub, 'nested.cjs'), `${'{'.repeat(3000)}function deep() { return 1; }${'}'.repeat(3000)}\n`);
      writeFileSync(
        join(sub, 'main.mjs'),
        `import { attach } from ${api};
import { createRequire } from 'node:module';
import { k, twice } from './own-let.mjs';
import { m } from './null-sources.mjs';
const require = createRequire(import.meta.url);
const { g, h } = require('./own-var.cjs');
const seen = [];
const handle = attach({ target: (e) => /own-|null-sources/.test(e.module), before(ctx) { seen.push(ctx.entry.name); } });
const values = [g(), h(1), k(), twice(2), m()];
let nested;
try { require('./nested.cjs'); nested = 'loaded'; } catch (e) { nested = e.constructor.name; }
console.log(JSON.stringify({ values, hooked: handle.functions.length, seen: seen.sort(), nested }));
`,
      );
      const plainNested = await runNode(
        node.path,
        [
          '-e',
          'try { require("./nested.cjs"); console.log("loaded"); } catch (e) { console.log(e.constructor.name); }',
        ],
        { cwd: sub },
      );
      for (const prepare of ['attach', 'load']) {
        const r = await runNode(node.path, ['--import', REGISTER, 'main.mjs'], {
          cwd: sub,
          env: { KHEIRON_NO_CACHE: '1', KHEIRON_PREPARE: prepare },
        });
        assert.equal(r.code, 0, `${prepare}: ${r.stderr}`);
        const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
        assert.deepEqual(out.values, [5, 6, 15, 4, 'mapped'], prepare);
        assert.equal(out.hooked, 5, prepare);
        assert.deepEqual(out.seen, ['g', 'h', 'k', 'm', 'twice'], prepare);
        assert.equal(out.nested, plainNested.stdout.trim(), prepare);
      }
    });
    it('caches prepared code on disk: a second start transforms nothing', async () => {
      const cacheDir = join(dir, `.cache-reuse-${node.label}`);
      const first = await run({ KHEIRON_CACHE_DIR: cacheDir });
      assert.equal(first.code, 0, first.stderr);
      const cached = readdirSync(cacheDir, { recursive: true }).map(String);
      // A registry per module; code only for a module whose load-time code is not its source.
      assert.equal(cached.filter((f) => f.endsWith('.json')).length, 3);
      const files = cached.filter((f) => f.endsWith('.js')).map((f) => join(cacheDir, f));
      assert.ok(files.length >= 1 && files.length <= 3, `${files.length} code files`);
      // Mark every cached file: if the second start used them, the marks show.
      for (const file of files)
        writeFileSync(file, `${readFileSync(file, 'utf8')}\n;globalThis.__cached = (globalThis.__cached ?? 0) + 1;`);
      const second = await runNode(
        node.path,
        [
          '--import',
          REGISTER,
          '--eval',
          "await import('./main.js'); console.log('cached', globalThis.__cached)",
          '--input-type=module',
        ],
        {
          cwd: dir,
          env: { KHEIRON_CACHE_DIR: cacheDir },
        },
      );
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, new RegExp(`cached ${files.length}\\n$`));
    });

    it("keeps V8's code cache beside it: a warm start compiles nothing it compiled before, unless told not to", async () => {
      const cacheDir = join(dir, `.cache-v8-${node.label}`);
      const debug = { KHEIRON_CACHE_DIR: cacheDir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
      assert.equal((await run({ KHEIRON_CACHE_DIR: cacheDir })).code, 0);
      const warm = await run(debug);
      assert.equal(warm.code, 0, warm.stderr);
      // The application's modules, as prepared, come from V8's cache.
      for (const file of ['main.js', 'lib.cjs'])
        assert.match(warm.stderr, new RegExp(`${file}.*accepted|accepted.*${file}`), file);
      const off = await run({ ...debug, KHEIRON_COMPILE_CACHE: '0' });
      assert.equal(off.code, 0, off.stderr);
      assert.doesNotMatch(off.stderr, /accepted/);
    });

    it('prepares TypeScript run by tsx, with positions of the .ts source', async () => {
      const sub = mkdtempSync(join(dir, 'ts-'));
      writeFileSync(join(sub, 'package.json'), '{ "type": "module" }');
      writeFileSync(
        join(sub, 'shape.ts'),
        "import { functions } from '../node_modules/kheiron-api/index.js';\ninterface P { x: number }\nexport class Shape {\n  constructor(private p: P) {}\n  area(): number {\n    return this.p.x * 2;\n  }\n  fail(): never {\n    throw new Error('boom');\n  }\n}\nconst s = new Shape({ x: 4 });\nconsole.log(s.area());\ntry { s.fail(); } catch (e) { console.log(String((e as Error).stack).split('\\n')[1].replace(/^.*[/]/, '').replace(/\\)$/, '')); }\nconsole.log(functions((f) => f.module.endsWith('shape.ts')).map((f) => `${f.name.replace(/^.*[/]/, '')}@${f.line}`).join(' '));\n",
      );
      const r = await runNode(node.path, ['--import', TSX, '--import', REGISTER, 'shape.ts'], {
        cwd: sub,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(r.code, 0, r.stderr);
      const [area, stack, names] = r.stdout.trim().split('\n');
      assert.equal(area, '8');
      assert.equal(stack, 'shape.ts:9:11');
      for (const n of ['Shape.constructor@4', 'Shape.prototype.area@5', 'Shape.prototype.fail@8'])
        assert.ok(names!.split(' ').includes(n), `${n} in ${names}`);
      // Registered before the TypeScript loader (as NODE_OPTIONS does with tsx): said, with what to do.
      const early = await runNode(node.path, ['--import', REGISTER, '--import', TSX, 'shape.ts'], {
        cwd: sub,
        env: { KHEIRON_NO_CACHE: '1' },
      });
      assert.equal(early.code, 0, early.stderr);
      assert.match(
        early.stderr,
        /^kheiron: not prepared: .*shape\.ts:\d+:\d+: .*register Kheiron after the TypeScript loader/m,
      );
    });
  });
}

describe('kheiron run', () => {
  it('runs a script with the loader and passes its exit code through', async () => {
    writeFileSync(
      join(dir, 'exit.js'),
      "import { functions } from 'kheiron-api';\nfunction code() { return 7; }\nconsole.log(functions().map((f) => f.name).join());\nprocess.exitCode = code();\n",
    );
    const r = await runNode(process.execPath, [CLI, 'run', '--include', 'exit.js', '--', 'exit.js'], {
      cwd: dir,
      env: { KHEIRON_NO_CACHE: '1' },
    });
    assert.equal(r.code, 7);
    assert.equal(r.stdout, 'code,<arrow>@3:29\n');
  });

  it('says what is wrong with a bad command line, exit code 2', async () => {
    const r = await runNode(process.execPath, [CLI, 'run', '--bogus', 'x.js'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /kheiron: run: Unknown option '--bogus'/);
  });
});
