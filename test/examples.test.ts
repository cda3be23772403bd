import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { CLI, ROOT, runNode } from './support/node.js';

it('the quick-start example (npm run demo) traces, repairs and detaches', async () => {
  const r = await runNode(process.execPath, [CLI, 'run', '--', join(ROOT, 'examples/quickstart/app.js')], {
    cwd: ROOT,
    env: { KHEIRON_NO_CACHE: '1' },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /method\s+LruCache\.prototype\.#evict\s+\(line 23\)/);
  assert.match(r.stdout, /-> LruCache\.prototype\.get\("c"\)\n {2}<- LruCache\.prototype\.get = 3\n/);
  assert.match(r.stdout, /repaired constructor: capacity 1, size 1/);
  assert.match(r.stdout, /detached: the original bug is back: evict: cache is empty/);
});
