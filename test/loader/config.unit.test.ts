import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/loader/config.js';

const dir = mkdtempSync(join(tmpdir(), 'kheiron-config-unit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function withFile(text: string | undefined): string {
  const cwd = mkdtempSync(join(dir, 'app-'));
  if (text !== undefined) writeFileSync(join(cwd, 'kheiron.config.json'), text);
  return cwd;
}

describe('the loader configuration', () => {
  it('adds KHEIRON_INCLUDE and KHEIRON_EXCLUDE to the default, relative globs from the working directory', () => {
    const cwd = withFile(undefined);
    const config = loadConfig(
      { KHEIRON_INCLUDE: 'node_modules/express/**, /abs/**', KHEIRON_EXCLUDE: '**/*.test.js' },
      cwd,
    );
    assert.deepEqual(config.include, [join(cwd, '**'), join(cwd, 'node_modules/express/**'), '/abs/**']);
    assert.equal(config.defaultIncludes, 1);
    // A glob that starts with ** matches anywhere already.
    assert.deepEqual(config.exclude, ['**/*.test.js']);
    assert.equal(config.phase2, 'attach');
  });

  it("replaces the default with the file's include, and adds the environment's", () => {
    const cwd = withFile('{ "include": ["lib/**"], "prepare": "load", "cache": false }');
    const config = loadConfig({ KHEIRON_INCLUDE: 'extra/**' }, cwd);
    assert.deepEqual(config.include, [join(cwd, 'lib/**'), join(cwd, 'extra/**')]);
    assert.equal(config.defaultIncludes, 0);
    assert.equal(config.phase2, 'load');
    assert.equal(config.cacheDir, undefined);
  });

  it('names the file and what is wrong in it', () => {
    const cases: [string, RegExp][] = [
      ['{ "include": ', /kheiron\.config\.json: not valid JSON/],
      ['[]', /kheiron\.config\.json: expected an object/],
      ['{ "includes": [] }', /unknown option 'includes' \(known: include, exclude, cache, cacheDir, prepare\)/],
      ['{ "include": [""] }', /'include' must be an array of non-empty glob strings/],
      ['{ "prepare": "later" }', /'prepare' must be 'attach' or 'load'/],
    ];
    for (const [text, message] of cases) assert.throws(() => loadConfig({}, withFile(text)), message, text);
    assert.throws(() => loadConfig({ KHEIRON_PREPARE: 'soon' }, withFile(undefined)), /KHEIRON_PREPARE .* got 'soon'/);
  });
});
