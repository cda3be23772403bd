// The transform over the test262 parser tests: every syntactically valid program of the
// corpus (node_modules/test262-parser-tests/pass) is prepared, and what comes out must still
// parse wherever the input does with the same parser (V8 for scripts, acorn for modules).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { prepare, PrepareError, type PrepareResult, type SourceType } from '../../src/transform/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = join(root, 'node_modules', 'test262-parser-tests');

interface CorpusFile {
  name: string;
  source: string;
  sourceType: SourceType;
}

function load(folder: string): CorpusFile[] {
  const dir = join(corpus, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => ({
      name,
      source: readFileSync(join(dir, name), 'utf8'),
      sourceType: name.endsWith('.module.js') ? 'module' : 'script',
    }));
}

/** Throws when `code` does not parse: V8 for scripts, acorn for modules (V8 needs a flag for those). */
function parse(code: string, sourceType: SourceType): void {
  if (sourceType === 'module') acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  else new vm.Script(code);
}

function parsesOrError(code: string, sourceType: SourceType): string | undefined {
  try {
    parse(code, sourceType);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function lineCount(text: string): number {
  return text.split(/\r\n|[\n\r\u2028\u2029]/).length;
}

/** Functions of a program, counted on acorn's AST independently of the transform. */
function countFunctions(source: string, sourceType: SourceType): number {
  let count = 0;
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    const node = value as Record<string, unknown>;
    if (
      node.type === 'FunctionDeclaration' ||
      node.type === 'FunctionExpression' ||
      node.type === 'ArrowFunctionExpression'
    )
      count++;
    for (const key in node) if (key !== 'loc') walk(node[key]);
  };
  walk(
    acorn.parse(source, {
      ecmaVersion: 'latest',
      sourceType: sourceType === 'module' ? 'module' : 'script',
      allowHashBang: true,
    }),
  );
  return count;
}

const pass = load('pass');

test('test262 parser tests: corpus is present', () => {
  assert.ok(pass.length > 1500, `only ${pass.length} files in ${join(corpus, 'pass')}`);
  assert.ok(pass.some((f) => f.sourceType === 'module'));
  assert.ok(pass.some((f) => f.sourceType === 'script'));
});

test('test262 pass/: prepared code parses wherever the input does', { timeout: 60_000 }, (t) => {
  const started = performance.now();
  const unparsable: string[] = [];
  const broken: string[] = [];
  const crashed: string[] = [];
  const linesChanged: string[] = [];
  const miscounted: string[] = [];
  let functions = 0;
  let checked = 0;
  let inputRejected = 0;
  for (const file of pass) {
    let result: PrepareResult;
    try {
      result = prepare(file.source, { filename: file.name, sourceType: file.sourceType });
    } catch (error) {
      if (error instanceof PrepareError) unparsable.push(`${file.name}: ${error.message}`);
      else crashed.push(`${file.name}: ${String(error)}`);
      continue;
    }
    functions += result.functions.length;
    if (lineCount(result.code) !== lineCount(file.source)) linesChanged.push(file.name);
    const expected = countFunctions(file.source, file.sourceType);
    if (result.functions.length !== expected)
      miscounted.push(`${file.name}: ${result.functions.length} functions, acorn's AST has ${expected}`);
    if (parsesOrError(file.source, file.sourceType) !== undefined) {
      // The parser itself rejects the input (V8 disagrees with the corpus): nothing to compare.
      inputRejected++;
      continue;
    }
    checked++;
    const error = parsesOrError(result.code, file.sourceType);
    if (error !== undefined) broken.push(`${file.name} (${file.sourceType}): ${error}`);
  }
  const ms = Math.round(performance.now() - started);
  t.diagnostic(
    `${pass.length} files, ${functions} functions; ${checked} outputs parsed, ${inputRejected} inputs rejected by the parser itself; ` +
      `${unparsable.length} not parsed by the transform (PrepareError); ${broken.length} outputs that no longer parse; ${ms} ms`,
  );
  if (unparsable.length > 0) t.diagnostic(`PrepareError: ${unparsable.slice(0, 10).join('; ')}`);
  assert.deepEqual(crashed, [], 'errors other than PrepareError');
  assert.ok(
    unparsable.length < pass.length * 0.02,
    `${unparsable.length} of ${pass.length} files could not be prepared`,
  );
  assert.ok(functions > 500, `only ${functions} functions found in the corpus`);
  assert.ok(checked > pass.length * 0.9, `only ${checked} outputs were checked`);
  assert.deepEqual(linesChanged, [], 'number of lines changed');
  assert.deepEqual(miscounted, [], 'functions missed or counted twice');
  assert.deepEqual(broken.slice(0, 25), [], `${broken.length} prepared files no longer parse (first 25 shown)`);
});

test('test262 pass-explicit/: parenthesised twins have the same functions', () => {
  const explicit = new Map(load('pass-explicit').map((f) => [f.name, f]));
  const differ: string[] = [];
  for (const file of pass) {
    const twin = explicit.get(file.name);
    assert.ok(twin, `no pass-explicit/${file.name}`);
    const a = prepare(file.source, { filename: file.name, sourceType: file.sourceType }).functions;
    const b = prepare(twin.source, { filename: file.name, sourceType: file.sourceType }).functions;
    const shape = (fs: typeof a): string =>
      fs.map((f) => `${f.kind}/${f.async}/${f.generator}/${f.static}/${f.params}`).join(',');
    if (shape(a) !== shape(b)) differ.push(`${file.name}: ${shape(a)} vs ${shape(b)}`);
  }
  assert.deepEqual(differ.slice(0, 25), [], `${differ.length} files differ (first 25 shown)`);
});

test('test262 fail/ and early/: rejected only with PrepareError naming file, line and column', (t) => {
  let rejected = 0;
  let accepted = 0;
  const wrong: string[] = [];
  for (const folder of ['fail', 'early']) {
    for (const file of load(folder)) {
      const filename = `${folder}/${file.name}`;
      try {
        prepare(file.source, { filename, sourceType: file.sourceType });
        accepted++; // acorn does not check every early error; such files are prepared as they are
      } catch (error) {
        rejected++;
        if (!(error instanceof PrepareError)) {
          wrong.push(`${filename}: ${String(error)}`);
          continue;
        }
        const m = /^(.+):(\d+):(\d+): \S/.exec(error.message);
        if (
          !m ||
          m[1] !== filename ||
          Number(m[2]) !== error.line ||
          Number(m[3]) !== error.column ||
          error.line < 1 ||
          error.column < 1
        ) {
          wrong.push(
            `${filename}: message ${JSON.stringify(error.message)}, line ${error.line}, column ${error.column}`,
          );
        } else if (error.line > lineCount(file.source)) {
          wrong.push(`${filename}: line ${error.line} is past the end of the file`);
        }
      }
    }
  }
  t.diagnostic(`${rejected} rejected, ${accepted} accepted by the transform's parser`);
  assert.deepEqual(wrong, []);
  assert.ok(rejected > 1300, `only ${rejected} invalid files were rejected`);
});
