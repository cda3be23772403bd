'use strict';
// Async functions in a strict CommonJS file: this, unmapped arguments, error propagation.
async function info(a) {
  a = 'changed';
  await null;
  return [this === undefined ? 'undefined' : typeof this, arguments[0]].join(' ');
}

class Queue {
  #items = [];
  async push(x) {
    await null;
    this.#items.push(x);
    return this.#items.length;
  }
  async drain() {
    const out = [];
    while (this.#items.length) out.push(await Promise.resolve(this.#items.shift()));
    return out;
  }
}

async function failing() {
  await null;
  undeclaredInStrictAsync = 1;
}

(async () => {
  console.log('async this/arguments:', await info('orig'));
  const q = new Queue();
  await Promise.all([q.push('a'), q.push('b'), q.push('c')]);
  console.log('queue drained:', (await q.drain()).join(','));
  try {
    await failing();
  } catch (e) {
    console.log('strict error after await:', e.constructor.name, e.message);
  }
  const detached = q.push;
  try {
    await detached('x');
  } catch (e) {
    console.log('detached async method:', e.constructor.name);
  }
  console.log('done');
})();
