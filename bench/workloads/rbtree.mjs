// Workload (c): a left-leaning red-black tree (ordered map) with many small
// methods: rotations, colour flips, rank/select, floor/ceiling, range queries.

const RED = true;
const BLACK = false;

class Node {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.left = null;
    this.right = null;
    this.color = RED;
    this.size = 1;
  }
  get isLeaf() { return this.left === null && this.right === null; }
}

function isRed(node) { return node !== null && node.color === RED; }
function sizeOf(node) { return node === null ? 0 : node.size; }

export class OrderedMap {
  #root = null;
  #compare;
  constructor(compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0)) { this.#compare = compare; }

  get size() { return sizeOf(this.#root); }
  get isEmpty() { return this.#root === null; }
  get height() { return this.#heightOf(this.#root); }
  get min() { return this.#root === null ? undefined : this.#minNode(this.#root).key; }
  get max() { return this.#root === null ? undefined : this.#maxNode(this.#root).key; }

  #heightOf(node) { return node === null ? -1 : 1 + Math.max(this.#heightOf(node.left), this.#heightOf(node.right)); }
  #minNode(node) { return node.left === null ? node : this.#minNode(node.left); }
  #maxNode(node) { return node.right === null ? node : this.#maxNode(node.right); }

  get(key) {
    let node = this.#root;
    while (node !== null) {
      const c = this.#compare(key, node.key);
      if (c < 0) node = node.left;
      else if (c > 0) node = node.right;
      else return node.value;
    }
    return undefined;
  }
  has(key) { return this.get(key) !== undefined; }

  set(key, value) {
    this.#root = this.#put(this.#root, key, value);
    this.#root.color = BLACK;
    return this;
  }
  #put(h, key, value) {
    if (h === null) return new Node(key, value);
    const c = this.#compare(key, h.key);
    if (c < 0) h.left = this.#put(h.left, key, value);
    else if (c > 0) h.right = this.#put(h.right, key, value);
    else h.value = value;
    return this.#fixUp(h);
  }

  delete(key) {
    if (!this.has(key)) return false;
    if (!isRed(this.#root.left) && !isRed(this.#root.right)) this.#root.color = RED;
    this.#root = this.#delete(this.#root, key);
    if (this.#root !== null) this.#root.color = BLACK;
    return true;
  }
  deleteMin() {
    if (this.#root === null) return;
    if (!isRed(this.#root.left) && !isRed(this.#root.right)) this.#root.color = RED;
    this.#root = this.#deleteMin(this.#root);
    if (this.#root !== null) this.#root.color = BLACK;
  }
  #deleteMin(h) {
    if (h.left === null) return null;
    if (!isRed(h.left) && !isRed(h.left.left)) h = this.#moveRedLeft(h);
    h.left = this.#deleteMin(h.left);
    return this.#balance(h);
  }
  #delete(h, key) {
    if (this.#compare(key, h.key) < 0) {
      if (!isRed(h.left) && !isRed(h.left.left)) h = this.#moveRedLeft(h);
      h.left = this.#delete(h.left, key);
    } else {
      if (isRed(h.left)) h = this.#rotateRight(h);
      if (this.#compare(key, h.key) === 0 && h.right === null) return null;
      if (!isRed(h.right) && !isRed(h.right.left)) h = this.#moveRedRight(h);
      if (this.#compare(key, h.key) === 0) {
        const x = this.#minNode(h.right);
        h.key = x.key;
        h.value = x.value;
        h.right = this.#deleteMin(h.right);
      } else {
        h.right = this.#delete(h.right, key);
      }
    }
    return this.#balance(h);
  }

  #rotateLeft(h) {
    const x = h.right;
    h.right = x.left;
    x.left = h;
    x.color = h.color;
    h.color = RED;
    x.size = h.size;
    h.size = this.#recount(h);
    return x;
  }
  #rotateRight(h) {
    const x = h.left;
    h.left = x.right;
    x.right = h;
    x.color = h.color;
    h.color = RED;
    x.size = h.size;
    h.size = this.#recount(h);
    return x;
  }
  #flipColors(h) {
    h.color = !h.color;
    h.left.color = !h.left.color;
    h.right.color = !h.right.color;
  }
  #recount(h) { return 1 + sizeOf(h.left) + sizeOf(h.right); }
  #fixUp(h) {
    if (isRed(h.right) && !isRed(h.left)) h = this.#rotateLeft(h);
    if (isRed(h.left) && isRed(h.left.left)) h = this.#rotateRight(h);
    if (isRed(h.left) && isRed(h.right)) this.#flipColors(h);
    h.size = this.#recount(h);
    return h;
  }
  #moveRedLeft(h) {
    this.#flipColors(h);
    if (isRed(h.right.left)) {
      h.right = this.#rotateRight(h.right);
      h = this.#rotateLeft(h);
      this.#flipColors(h);
    }
    return h;
  }
  #moveRedRight(h) {
    this.#flipColors(h);
    if (isRed(h.left.left)) {
      h = this.#rotateRight(h);
      this.#flipColors(h);
    }
    return h;
  }
  #balance(h) {
    if (isRed(h.right) && !isRed(h.left)) h = this.#rotateLeft(h);
    return this.#fixUp(h);
  }

  rank(key) {
    let r = 0, node = this.#root;
    while (node !== null) {
      const c = this.#compare(key, node.key);
      if (c < 0) node = node.left;
      else if (c > 0) { r += 1 + sizeOf(node.left); node = node.right; }
      else return r + sizeOf(node.left);
    }
    return r;
  }
  select(k) {
    let node = this.#root;
    while (node !== null) {
      const t = sizeOf(node.left);
      if (t > k) node = node.left;
      else if (t < k) { k -= t + 1; node = node.right; }
      else return node.key;
    }
    return undefined;
  }
  floor(key) {
    let node = this.#root, best;
    while (node !== null) {
      const c = this.#compare(key, node.key);
      if (c === 0) return node.key;
      if (c < 0) node = node.left;
      else { best = node.key; node = node.right; }
    }
    return best;
  }
  ceiling(key) {
    let node = this.#root, best;
    while (node !== null) {
      const c = this.#compare(key, node.key);
      if (c === 0) return node.key;
      if (c > 0) node = node.right;
      else { best = node.key; node = node.left; }
    }
    return best;
  }
  *entries() {
    const stack = [];
    let node = this.#root;
    while (stack.length > 0 || node !== null) {
      if (node !== null) { stack.push(node); node = node.left; }
      else { node = stack.pop(); yield [node.key, node.value]; node = node.right; }
    }
  }
  rangeCount(lo, hi) {
    if (this.#compare(lo, hi) > 0) return 0;
    return this.rank(hi) - this.rank(lo) + (this.has(hi) ? 1 : 0);
  }
  forEachInRange(lo, hi, fn) { this.#visitRange(this.#root, lo, hi, fn); }
  #visitRange(node, lo, hi, fn) {
    if (node === null) return;
    const cl = this.#compare(lo, node.key), ch = this.#compare(hi, node.key);
    if (cl < 0) this.#visitRange(node.left, lo, hi, fn);
    if (cl <= 0 && ch >= 0) fn(node.key, node.value);
    if (ch > 0) this.#visitRange(node.right, lo, hi, fn);
  }
  checkInvariants() { return this.#blackHeight(this.#root) >= 0; }
  #blackHeight(node) {
    if (node === null) return 0;
    if (isRed(node.right)) return -1;
    const l = this.#blackHeight(node.left), r = this.#blackHeight(node.right);
    if (l < 0 || r < 0 || l !== r) return -1;
    return l + (isRed(node) ? 0 : 1);
  }
}

class Lcg {
  constructor(seed) { this.state = seed >>> 0; }
  next() { this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0; return this.state; }
  below(n) { return this.next() % n; }
}

export function run() {
  const rnd = new Lcg(42);
  const map = new OrderedMap();
  let checksum = 0;
  for (let round = 0; round < 20; round++) {
    for (let i = 0; i < 20000; i++) map.set(rnd.below(50000), i);
    for (let i = 0; i < 8000; i++) map.delete(rnd.below(50000));
    for (let i = 0; i < 10000; i++) {
      const k = rnd.below(50000);
      checksum = (checksum + map.rank(k) + (map.floor(k) ?? 0) + (map.ceiling(k) ?? 0)) >>> 0;
    }
    for (let i = 0; i < 200; i++) {
      const lo = rnd.below(50000);
      map.forEachInRange(lo, lo + 200, (k, v) => { checksum = (checksum + k + v) >>> 0; });
    }
    let n = 0;
    for (const [k] of map.entries()) { if (n++ % 97 === 0) checksum = (checksum * 33 + k) >>> 0; }
    checksum = (checksum + map.size + map.height + map.select(map.size >> 1)) >>> 0;
    if (!map.checkInvariants()) throw new Error('red-black invariants violated');
    for (let i = 0; i < 2000; i++) map.deleteMin();
  }
  return checksum;
}
