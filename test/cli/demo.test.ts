import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CLI, ROOT, runNode } from '../support/node.js';

it(
  'kheiron demo: errors without repairs, none with the rules attached at run time, exit 0',
  { timeout: 120_000 },
  async () => {
    const r = await runNode(process.execPath, [CLI, 'demo', '--seconds', '2', '--connections', '8'], {
      cwd: ROOT,
      timeout: 120_000,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, />>> kheiron attach \d+ examples\/shop\/repairs\.js: the running service, no restart/);
    assert.match(r.stdout, /catalog-index -> Catalog\.prototype\.get, Catalog\.prototype\.remove/);
    assert.match(r.stdout, /inventory-retry -> Inventory\.prototype\.quote/);
    const rates = /error rate: ([\d.]+)% with no repairs, ([\d.]+)% with repairs attached/.exec(r.stdout);
    assert.ok(rates, r.stdout);
    assert.ok(Number(rates[1]) > 1, `errors before the repairs: ${rates[1]}%`);
    assert.equal(Number(rates[2]), 0);
    const summary = /audit trail: \d+ events \(([^)]*)\)/.exec(r.stdout);
    assert.ok(summary, r.stdout);
    // Event types in the order they first happened: which repair comes first varies.
    const counts = Object.fromEntries(
      summary[1]!
        .split(', ')
        .map((part) => part.split(' '))
        .map(([type, n]) => [type, Number(n)]),
    );
    assert.equal(counts.attach, 2);
    assert.equal(counts.detach, 2);
    assert.ok(counts['check-failed']! > 0 && counts.repair! > 0, summary[1]);
    assert.match(r.stdout, /result: the repairs worked/);
  },
);
