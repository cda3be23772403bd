import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PreparedCache } from '../../src/loader/cache.js';

const root = mkdtempSync(join(tmpdir(), 'kheiron-cache-unit-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('the prepared-code cache', () => {
  it('keys by salt, options, file name and source, and reads back what it wrote, owner-only', () => {
    const dir = join(root, 'own');
    const cache = new PreparedCache(dir, () => 'salt-1');
    const key = cache.key('/app/a.js', 'source', 'module');
    assert.notEqual(key, cache.key('/app/b.js', 'source', 'module'));
    assert.notEqual(key, cache.key('/app/a.js', 'source!', 'module'));
    assert.notEqual(key, cache.key('/app/a.js', 'source', 'commonjs'));
    assert.notEqual(key, new PreparedCache(dir, () => 'salt-2').key('/app/a.js', 'source', 'module'));
    assert.equal(cache.get(key), undefined);
    cache.set(key, 'code');
    cache.set(key, '{"same":true}', 'json');
    assert.equal(cache.get(key), 'code');
    assert.equal(cache.get(key, 'json'), '{"same":true}');
    assert.deepEqual([cache.hits, cache.misses], [2, 1]);
    const sub = join(dir, key.slice(0, 2));
    assert.equal(statSync(sub).mode & 0o777, 0o700);
    for (const f of readdirSync(sub)) assert.equal(statSync(join(sub, f)).mode & 0o777, 0o600, f);
  });

  it('is not used where others can write, or where the directory is a link', () => {
    const open = join(root, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const linked = join(root, 'linked');
    symlinkSync(join(root, 'own'), linked);
    for (const dir of [open, linked]) {
      const cache = new PreparedCache(dir, () => 'salt-1');
      const key = cache.key('/app/a.js', 'source', 'module');
      cache.set(key, 'planted');
      assert.equal(cache.get(key), undefined, dir);
    }
    assert.deepEqual(readdirSync(open), []);
  });
});
