import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyInsertions, type Insertion } from '../../src/transform/edits.js';

describe('insertions', () => {
  it('applies insertions by position; at one position closings first (innermost first), then openings (outermost first)', () => {
    const at = (pos: number, text: string, closing: boolean, depth: number): Insertion => ({
      pos,
      text,
      closing,
      depth,
    });
    const code = applyInsertions('abcd', [
      at(2, '<in>', false, 1),
      at(2, '</in>', true, 1),
      at(2, '<out>', false, 0),
      at(2, '</deep>', true, 2),
      at(0, '^', false, 0),
      at(4, '$', true, 0),
    ]);
    assert.equal(code, '^ab</deep></in><out><in>cd$');
  });

  it('refuses inserted text with a line break: every original character keeps its line', () => {
    for (const text of ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b']) {
      assert.throws(() => applyInsertions('x', [{ pos: 0, text, closing: false, depth: 0 }]), /must stay on one line/);
    }
  });
});
