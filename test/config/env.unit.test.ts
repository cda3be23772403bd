import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, mock } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ENV, envTable, readEnv, type EnvName } from '../../src/config/env.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What `fn` writes on stderr. */
function stderrOf(fn: () => void): string {
  let written = '';
  const write = mock.method(process.stderr, 'write', (chunk: string) => ((written += chunk), true));
  try {
    fn();
  } finally {
    write.mock.restore();
  }
  return written;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the environment variables', () => {
  it('reads each at the point of use, from the environment given', () => {
    assert.deepEqual(readEnv('KHEIRON_INCLUDE', { KHEIRON_INCLUDE: ' a/**, ,b/** ' }), ['a/**', 'b/**']);
    assert.deepEqual(readEnv('KHEIRON_EXCLUDE', {}), []);
    assert.equal(readEnv('KHEIRON_CACHE_DIR', { KHEIRON_CACHE_DIR: '' }), undefined);
    assert.equal(readEnv('KHEIRON_TIMEOUT_MS', { KHEIRON_TIMEOUT_MS: '250' }), 250);
    assert.equal(readEnv('KHEIRON_AGENT_TCP', { KHEIRON_AGENT_TCP: '7000' }), 7000);
    assert.equal(readEnv('KHEIRON_AGENT_TCP', {}), undefined);
    const saved = process.env.KHEIRON_SOCKET_DIR;
    process.env.KHEIRON_SOCKET_DIR = '/run/x';
    try {
      assert.equal(readEnv('KHEIRON_SOCKET_DIR'), '/run/x');
    } finally {
      if (saved === undefined) delete process.env.KHEIRON_SOCKET_DIR;
      else process.env.KHEIRON_SOCKET_DIR = saved;
    }
  });

  it('reads the switches as they always were: 1 on, 0 off, unset the default', () => {
    const cases: [EnvName, string | undefined, boolean][] = [
      ['KHEIRON_NO_CACHE', '1', true],
      ['KHEIRON_NO_CACHE', '0', false],
      ['KHEIRON_NO_CACHE', undefined, false],
      ['KHEIRON_AGENT', '0', false],
      ['KHEIRON_AGENT', undefined, true],
      ['KHEIRON_OTEL', '0', false],
      ['KHEIRON_COMPILE_CACHE', '1', true],
      ['KHEIRON_SUMMARY', '1', true],
    ];
    for (const [name, text, expected] of cases)
      assert.equal(readEnv(name, { [name]: text }), expected, `${name}=${text}`);
  });

  it('warns once, naming the variable, about a value it cannot read, and keeps the default', () => {
    let value: unknown;
    const first = stderrOf(() => (value = readEnv('KHEIRON_TIMEOUT_MS', { KHEIRON_TIMEOUT_MS: 'abc' })));
    assert.equal(value, 10_000);
    assert.equal(
      first,
      "kheiron: KHEIRON_TIMEOUT_MS='abc' is not a positive number of milliseconds; 10000 ms applies\n",
    );
    assert.equal(
      stderrOf(() => readEnv('KHEIRON_TIMEOUT_MS', { KHEIRON_TIMEOUT_MS: 'abc' })),
      '',
    );
    const flag = stderrOf(() => (value = readEnv('KHEIRON_NO_CACHE', { KHEIRON_NO_CACHE: 'yes' })));
    assert.equal(value, false);
    assert.match(flag, /KHEIRON_NO_CACHE='yes' is not '0' or '1'; it stays off/);
  });

  it('is every KHEIRON_ variable that src/ names', () => {
    const named = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      if (file.endsWith(join('config', 'env.ts'))) continue;
      for (const [name] of readFileSync(file, 'utf8').matchAll(/\bKHEIRON_[A-Z0-9_]+/g)) named.add(name);
    }
    assert.deepEqual(
      [...named].filter((name) => !(name in ENV)),
      [],
      'a variable missing from src/config/env.ts',
    );
    assert.deepEqual(
      Object.keys(ENV).filter((name) => !named.has(name)),
      [],
      'a variable that nothing reads',
    );
  });

  it('is the table of the README, row for row', () => {
    // Cells are compared trimmed, so a formatter may align the columns.
    const cells = (line: string): string[] =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim());
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    const rows = readme.filter((line) => /^\| `KHEIRON_/.test(line)).map((line) => cells(line.trim()));
    const expected = envTable().split('\n').slice(2).map(cells);
    assert.deepEqual(rows, expected, `README.md should have this table:\n${envTable()}`);
  });
});
