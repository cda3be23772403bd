import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/node.js';

// The key of cached prepared code follows the transform's own code, not a number bumped by hand.
describe('prepared-code cache key', () => {
  const copies: string[] = [];
  after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const hashOf = async (edit?: (src: string) => void): Promise<string> => {
    const dir = mkdtempSync(join(tmpdir(), 'kheiron-cache-key-'));
    copies.push(dir);
    cpSync(join(ROOT, 'dist/src'), join(dir, 'src'), { recursive: true });
    edit?.(join(dir, 'src'));
    const { transformHash } = (await import(pathToFileURL(join(dir, 'src/loader/cache.js')).href)) as {
      transformHash(): string;
    };
    return transformHash();
  };

  it('is the same for the same build and changes with any file of the transform or the names it emits', async () => {
    const base = await hashOf();
    assert.equal(await hashOf(), base);
    assert.notEqual(await hashOf((src) => appendFileSync(join(src, 'transform/prepare.js'), '\n// changed\n')), base);
    assert.notEqual(await hashOf((src) => appendFileSync(join(src, 'emitted.js'), '\n// changed\n')), base);
    assert.notEqual(
      await hashOf((src) => appendFileSync(join(src, 'loader/prepare-source.js'), '\n// changed\n')),
      base,
    );
  });
});
