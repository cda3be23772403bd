// Workload (i): allocation-heavy immutable data. Builds and walks many small
// binary trees (binary-trees style), and works with persistent data structures
// that share structure between versions: a cons list with map/filter/reverse,
// and a persistent vector (a 16-way trie with a tail) updated by path copying.
// Small node constructors are called millions of times.

// --- binary trees ----------------------------------------------------------------------
class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
  get isLeaf() { return this.left === null; }
  check() {
    if (this.isLeaf) return 1;
    return 1 + this.left.check() + this.right.check();
  }
  depth() {
    if (this.isLeaf) return 0;
    return 1 + Math.max(this.left.depth(), this.right.depth());
  }
}

function bottomUpTree(depth) {
  if (depth === 0) return new TreeNode(null, null);
  return new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1));
}

// A tree carrying values, mirrored and summed.
class ItemNode {
  constructor(item, left, right) {
    this.item = item;
    this.left = left;
    this.right = right;
  }
  static build(item, depth) {
    if (depth === 0) return new ItemNode(item, null, null);
    return new ItemNode(item, ItemNode.build(2 * item - 1, depth - 1), ItemNode.build(2 * item, depth - 1));
  }
  mirror() {
    if (this.left === null) return new ItemNode(this.item, null, null);
    return new ItemNode(this.item, this.right.mirror(), this.left.mirror());
  }
  itemCheck() {
    if (this.left === null) return this.item;
    return this.item + this.left.itemCheck() - this.right.itemCheck();
  }
}

function binaryTrees(minDepth, maxDepth) {
  let sum = bottomUpTree(maxDepth + 1).check();
  const longLived = bottomUpTree(maxDepth);
  for (let depth = minDepth; depth <= maxDepth; depth += 2) {
    const iterations = 1 << (maxDepth - depth + minDepth);
    let check = 0;
    for (let i = 0; i < iterations; i++) check += bottomUpTree(depth).check();
    sum += check + iterations + depth;
  }
  for (let i = 1; i <= 40; i++) {
    const t = ItemNode.build(i, 8);
    sum += t.itemCheck() * 3 + t.mirror().itemCheck();
  }
  return sum + longLived.check() + longLived.depth();
}

// --- a persistent cons list ------------------------------------------------------------------
class List {
  get length() {
    let n = 0;
    for (let l = this; !l.isEmpty; l = l.tail) n++;
    return n;
  }
  prepend(x) { return new Cons(x, this); }
  static fromRange(lo, hi) {
    let l = Nil.EMPTY;
    for (let i = hi - 1; i >= lo; i--) l = l.prepend(i);
    return l;
  }
  reverse() {
    let out = Nil.EMPTY;
    for (let l = this; !l.isEmpty; l = l.tail) out = out.prepend(l.head);
    return out;
  }
  map(fn) {
    let out = Nil.EMPTY;
    for (let l = this; !l.isEmpty; l = l.tail) out = out.prepend(fn(l.head));
    return out.reverse();
  }
  filter(pred) {
    let out = Nil.EMPTY;
    for (let l = this; !l.isEmpty; l = l.tail) {
      if (pred(l.head)) out = out.prepend(l.head);
    }
    return out.reverse();
  }
  foldLeft(init, fn) {
    let acc = init;
    for (let l = this; !l.isEmpty; l = l.tail) acc = fn(acc, l.head);
    return acc;
  }
  take(n) {
    let out = Nil.EMPTY;
    let l = this;
    for (let i = 0; i < n && !l.isEmpty; i++, l = l.tail) out = out.prepend(l.head);
    return out.reverse();
  }
  drop(n) {
    let l = this;
    for (let i = 0; i < n && !l.isEmpty; i++) l = l.tail;
    return l;
  }
  concat(other) {
    let out = other;
    for (let l = this.reverse(); !l.isEmpty; l = l.tail) out = out.prepend(l.head);
    return out;
  }
  // Merge two sorted lists; the shared suffix of the longer one is reused as is.
  static merge(a, b) {
    let acc = Nil.EMPTY;
    while (!a.isEmpty && !b.isEmpty) {
      if (a.head <= b.head) { acc = acc.prepend(a.head); a = a.tail; }
      else { acc = acc.prepend(b.head); b = b.tail; }
    }
    let rest = a.isEmpty ? b : a;
    for (let l = acc; !l.isEmpty; l = l.tail) rest = rest.prepend(l.head);
    return rest;
  }
  sort() {
    const n = this.length;
    if (n < 2) return this;
    const half = n >> 1;
    return List.merge(this.take(half).sort(), this.drop(half).sort());
  }
}

class Nil extends List {
  get isEmpty() { return true; }
  get head() { throw new Error('head of an empty list'); }
  get tail() { return this; }
}
Nil.EMPTY = new Nil();

class Cons extends List {
  constructor(head, tail) {
    super();
    this.head = head;
    this.tail = tail;
  }
  get isEmpty() { return false; }
}

function listWork(seed) {
  let sum = 0;
  const base = List.fromRange(0, 400);
  for (let round = 0; round < 240; round++) {
    const k = (seed + round) % 7 + 2;
    const mapped = base.map((x) => {
      return (x * k + round) % 1009;
    });
    const odd = mapped.filter((x) => {
      return (x & 1) === 1;
    });
    const sorted = odd.sort();
    if (sorted.foldLeft(-1, (prev, x) => {
      if (prev === -2 || x < prev) return -2;
      return x;
    }) === -2) throw new Error('list sort out of order');
    const joined = sorted.take(50).concat(mapped.drop(350));
    sum += joined.foldLeft(0, (acc, x) => {
      return (acc * 31 + x) >>> 0;
    });
    sum += sorted.length + (sorted.isEmpty ? 0 : sorted.head);
  }
  return sum;
}

// --- a persistent vector: a 16-way trie plus a tail buffer -------------------------------------
const BITS = 4;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

class VNode {
  constructor(array) { this.array = array; }
  copy() { return new VNode(this.array.slice()); }
  child(i) { return this.array[i]; }
}
const EMPTY_NODE = new VNode([]);

class PVector {
  constructor(size, shift, root, tail) {
    this.size = size;
    this.shift = shift;
    this.root = root;
    this.tail = tail;
  }
  static empty() { return new PVector(0, BITS, EMPTY_NODE, []); }
  get tailOffset() { return this.size < WIDTH ? 0 : ((this.size - 1) >>> BITS) << BITS; }

  leafFor(i) {
    if (i >= this.tailOffset) return this.tail;
    let node = this.root;
    for (let level = this.shift; level > 0; level -= BITS) node = node.child((i >>> level) & MASK);
    return node.array;
  }
  get(i) {
    if (i < 0 || i >= this.size) throw new RangeError(`index ${i} out of range`);
    return this.leafFor(i)[i & MASK];
  }

  push(value) {
    if (this.size - this.tailOffset < WIDTH) {
      const tail = this.tail.slice();
      tail.push(value);
      return new PVector(this.size + 1, this.shift, this.root, tail);
    }
    // The tail is full: move it into the trie and start a new tail.
    const tailNode = new VNode(this.tail);
    let shift = this.shift;
    let root;
    if ((this.size >>> BITS) > (1 << this.shift)) {
      root = new VNode([this.root, this.newPath(this.shift, tailNode)]);
      shift += BITS;
    } else {
      root = this.pushTail(this.shift, this.root, tailNode);
    }
    return new PVector(this.size + 1, shift, root, [value]);
  }
  newPath(level, node) {
    if (level === 0) return node;
    return new VNode([this.newPath(level - BITS, node)]);
  }
  pushTail(level, parent, tailNode) {
    const index = ((this.size - 1) >>> level) & MASK;
    const result = parent.copy();
    let insert;
    if (level === BITS) {
      insert = tailNode;
    } else {
      const child = parent.child(index);
      insert = child !== undefined ? this.pushTail(level - BITS, child, tailNode) : this.newPath(level - BITS, tailNode);
    }
    result.array[index] = insert;
    return result;
  }

  set(i, value) {
    if (i < 0 || i >= this.size) throw new RangeError(`index ${i} out of range`);
    if (i >= this.tailOffset) {
      const tail = this.tail.slice();
      tail[i & MASK] = value;
      return new PVector(this.size, this.shift, this.root, tail);
    }
    return new PVector(this.size, this.shift, this.assoc(this.shift, this.root, i, value), this.tail);
  }
  assoc(level, node, i, value) {
    const result = node.copy();
    if (level === 0) {
      result.array[i & MASK] = value;
    } else {
      const sub = (i >>> level) & MASK;
      result.array[sub] = this.assoc(level - BITS, node.child(sub), i, value);
    }
    return result;
  }

  reduce(fn, init) {
    let acc = init;
    for (let base = 0; base < this.size; base += WIDTH) {
      const leaf = this.leafFor(base);
      for (let j = 0; j < leaf.length && base + j < this.size; j++) acc = fn(acc, leaf[j]);
    }
    return acc;
  }
}

function vectorWork(seed) {
  let v = PVector.empty();
  const mirror = [];
  for (let i = 0; i < 10000; i++) {
    v = v.push(i * 3 + seed);
    mirror.push(i * 3 + seed);
  }
  const versions = [v];
  let state = seed >>> 0;
  const nextIndex = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % v.size;
  };
  for (let k = 0; k < 15000; k++) {
    const i = nextIndex();
    v = v.set(i, v.get(i) + k);
    mirror[i] += k;
    if (k % 2500 === 0) versions.push(v);
  }
  let sum = 0;
  for (const old of versions) {
    sum = (sum + old.reduce((acc, x) => {
      return (acc + x) >>> 0;
    }, 0)) >>> 0;
  }
  for (let i = 0; i < v.size; i += 7) {
    if (v.get(i) !== mirror[i]) throw new Error(`persistent vector lost an update at ${i}`);
  }
  for (let i = 0; i < v.size; i += 37) sum = (sum * 17 + v.get(i) - versions[0].get(i)) >>> 0;
  return sum + v.size + v.shift;
}

export function run() {
  let checksum = 0;
  for (let i = 0; i < 13; i++) {
    checksum = (checksum * 31 + binaryTrees(4, 12)) >>> 0;
    checksum = (checksum * 31 + listWork(i * 13 + 1)) >>> 0;
    checksum = (checksum * 31 + vectorWork(i * 101 + 7)) >>> 0;
  }
  return checksum;
}
