// Optional chaining preserves the receiver for method calls.
const box = {
  value: 42,
  get() {
    return this?.value;
  },
  inner: {
    value: 'inner',
    get() {
      return this?.value;
    },
  },
};

console.log('box?.get():', box?.get());
console.log('box.get?.():', box.get?.());
console.log('box?.get?.():', box?.get?.());
console.log('(box?.get)():', (box?.get)());
console.log('box?.inner.get():', box?.inner.get());
console.log('box.inner?.["get"]():', box.inner?.['get']());

const missing = null;
console.log('missing?.get():', missing?.get());
console.log('box.nothing?.():', box.nothing?.());
console.log('short-circuit skips args:', (() => {
  let evaluated = false;
  missing?.get((evaluated = true));
  return evaluated;
})());

const maybeFn = Math.random === undefined ? null : box.get;
console.log('detached optional call:', maybeFn?.());

const list = [box, null, box.inner];
console.log('in map:', list.map((o) => o?.get()).join('|'));

class Node {
  constructor(v, next) {
    this.v = v;
    this.next = next;
  }
  sum() {
    return this.v + (this.next?.sum() ?? 0);
  }
}
console.log('recursive optional call:', new Node(1, new Node(2, new Node(3))).sum());
console.log('done');
