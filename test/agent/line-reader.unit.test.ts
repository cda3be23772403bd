import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineReader, MAX_MESSAGE } from '../../src/agent/protocol.js';

/** A reader that records what it reads. */
function reader(max?: number): { lines: string[]; oversized: number; reader: LineReader } {
  const seen = { lines: [] as string[], oversized: 0, reader: undefined as unknown as LineReader };
  seen.reader = new LineReader(
    (line) => seen.lines.push(line),
    () => seen.oversized++,
    max,
  );
  return seen;
}

describe('the line reader', () => {
  it('gives the same lines however the bytes are cut, a UTF-8 character included', () => {
    const text = Buffer.from('{"a":1}\nnaïve ☃ 𝄞\n\n   \nlast\n', 'utf8');
    const expected = ['{"a":1}', 'naïve ☃ 𝄞', 'last'];
    for (const size of [1, 2, 3, 5, 7, text.length]) {
      const r = reader();
      for (let i = 0; i < text.length; i += size) r.reader.push(text.subarray(i, i + size));
      assert.deepEqual(r.lines, expected, `chunks of ${size} bytes`);
      // Blank lines are counted, not given.
      assert.equal(r.reader.lines, 5);
      assert.equal(r.reader.pending, 0);
    }
  });

  it('takes strings too, and keeps a partial line until its newline', () => {
    const r = reader();
    r.reader.push('one\ntw');
    assert.deepEqual(r.lines, ['one']);
    assert.equal(r.reader.pending, 2);
    r.reader.push('o\n');
    assert.deepEqual(r.lines, ['one', 'two']);
    assert.equal(r.reader.pending, 0);
  });

  it('counts the limit in bytes: a line of max bytes passes, one more is refused, and nothing more is read', () => {
    const r = reader(4);
    r.reader.push('éé\n');
    assert.deepEqual(r.lines, ['éé']);
    r.reader.push('ééa\nnext\n');
    assert.equal(r.oversized, 1);
    assert.deepEqual(r.lines, ['éé']);
    r.reader.push('more\n');
    assert.deepEqual(r.lines, ['éé']);
    assert.equal(r.oversized, 1);
  });

  it('refuses a line that outgrows the limit before its newline arrives', () => {
    const r = reader(8);
    r.reader.push('12345');
    assert.equal(r.oversized, 0);
    r.reader.push('6789');
    assert.equal(r.oversized, 1);
    assert.equal(r.reader.pending, 0);
  });

  it('applies a limit raised later (a TCP client once authenticated)', () => {
    const r = reader(4);
    r.reader.max = 16;
    r.reader.push('0123456789\n');
    assert.deepEqual(r.lines, ['0123456789']);
    assert.equal(
      new LineReader(
        () => {},
        () => {},
      ).max,
      MAX_MESSAGE,
    );
  });

  it('reads nothing more once stopped, even from the same chunk', () => {
    const seen: string[] = [];
    const r: LineReader = new LineReader(
      (line) => {
        seen.push(line);
        r.stop();
      },
      () => assert.fail('not oversized'),
    );
    r.push('first\nsecond\n');
    r.push('third\n');
    assert.deepEqual(seen, ['first']);
  });

  it('joins a long line sent a byte at a time', () => {
    const r = reader();
    const line = 'x'.repeat(100_000);
    for (const byte of Buffer.from(`${line}\n`)) r.reader.push(Buffer.from([byte]));
    assert.equal(r.lines.length, 1);
    assert.equal(r.lines[0], line);
  });
});
