import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { METHODS } from '../../src/agent/methods/index.js';

const PROTOCOL_MD = new URL('../../../docs/protocol.md', import.meta.url);

describe('the method table', () => {
  it('is the list of methods docs/protocol.md documents, in its order', () => {
    const text = readFileSync(PROTOCOL_MD, 'utf8');
    const section = text.slice(text.indexOf('## Protocol version 1'), text.indexOf('## Errors'));
    const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(documented, ['hello', ...Object.keys(METHODS)]);
  });

  it('checks every parameter before it runs: a wrong one is an invalid-params error that names it', () => {
    assert.throws(() => METHODS.attach!.params({ file: '' }), {
      code: -32602,
      message: "'file' must be a non-empty string",
    });
    assert.throws(() => METHODS.watch!.params({ target: 'x', depth: 5 }), {
      code: -32602,
      message: "'depth' must be an integer from 0 to 4, got 5",
    });
    assert.throws(() => METHODS.audit!.params({ follow: 'yes' }), {
      code: -32602,
      message: "'follow' must be true or false, got string",
    });
    assert.deepEqual(METHODS.watch!.params({ target: 'x' }), { target: 'x', rate: 20, depth: 1 });
  });
});
