// Workload (e): graph algorithms: Dijkstra over a weighted random graph using a
// binary heap class, and breadth-first search / path reconstruction on a grid.

class BinaryHeap {
  #items = [];
  #less;
  constructor(less) { this.#less = less; }
  get size() { return this.#items.length; }
  get isEmpty() { return this.#items.length === 0; }
  peek() { return this.#items[0]; }
  push(item) {
    this.#items.push(item);
    this.#siftUp(this.#items.length - 1);
  }
  pop() {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      items[0] = last;
      this.#siftDown(0);
    }
    return top;
  }
  #parent(i) { return (i - 1) >> 1; }
  #swap(i, j) { const t = this.#items[i]; this.#items[i] = this.#items[j]; this.#items[j] = t; }
  #lessAt(i, j) { return this.#less(this.#items[i], this.#items[j]); }
  #siftUp(i) {
    while (i > 0) {
      const p = this.#parent(i);
      if (!this.#lessAt(i, p)) break;
      this.#swap(i, p);
      i = p;
    }
  }
  #siftDown(i) {
    const n = this.#items.length;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n && this.#lessAt(l, m)) m = l;
      if (r < n && this.#lessAt(r, m)) m = r;
      if (m === i) return;
      this.#swap(i, m);
      i = m;
    }
  }
}

class Edge {
  constructor(to, weight) { this.to = to; this.weight = weight; }
}

class QueueEntry {
  constructor(vertex, distance) { this.vertex = vertex; this.distance = distance; }
  static less(a, b) { return a.distance < b.distance || (a.distance === b.distance && a.vertex < b.vertex); }
}

class Graph {
  #adjacency;
  constructor(vertexCount) { this.#adjacency = Array.from({ length: vertexCount }, () => []); }
  get vertexCount() { return this.#adjacency.length; }
  addEdge(from, to, weight) { this.#adjacency[from].push(new Edge(to, weight)); }
  addUndirected(a, b, weight) { this.addEdge(a, b, weight); this.addEdge(b, a, weight); }
  neighbors(v) { return this.#adjacency[v]; }
  degree(v) { return this.#adjacency[v].length; }

  shortestPaths(source) {
    const dist = new Float64Array(this.vertexCount).fill(Infinity);
    const prev = new Int32Array(this.vertexCount).fill(-1);
    const heap = new BinaryHeap(QueueEntry.less);
    dist[source] = 0;
    heap.push(new QueueEntry(source, 0));
    while (!heap.isEmpty) {
      const { vertex, distance } = heap.pop();
      if (distance > dist[vertex]) continue;
      for (const edge of this.neighbors(vertex)) {
        const nd = distance + edge.weight;
        if (nd < dist[edge.to]) {
          dist[edge.to] = nd;
          prev[edge.to] = vertex;
          heap.push(new QueueEntry(edge.to, nd));
        }
      }
    }
    return { dist, prev };
  }
}

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  key(width) { return this.y * width + this.x; }
  translate(dx, dy) { return new Point(this.x + dx, this.y + dy); }
  manhattan(o) { return Math.abs(this.x - o.x) + Math.abs(this.y - o.y); }
}

const DIRECTIONS = [[1, 0], [-1, 0], [0, 1], [0, -1]];

class Grid {
  constructor(width, height, wallDensity, seed) {
    this.width = width;
    this.height = height;
    this.cells = new Uint8Array(width * height);
    let s = seed >>> 0;
    for (let i = 0; i < this.cells.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      this.cells[i] = (s >>> 8) % 1000 < wallDensity * 1000 ? 1 : 0;
    }
    this.cells[0] = 0;
    this.cells[this.cells.length - 1] = 0;
  }
  inBounds(p) { return p.x >= 0 && p.y >= 0 && p.x < this.width && p.y < this.height; }
  isWall(p) { return this.cells[p.key(this.width)] === 1; }
  isOpen(p) { return this.inBounds(p) && !this.isWall(p); }
  *neighbors(p) {
    for (const [dx, dy] of DIRECTIONS) {
      const q = p.translate(dx, dy);
      if (this.isOpen(q)) yield q;
    }
  }
  bfs(start) {
    const dist = new Int32Array(this.width * this.height).fill(-1);
    const queue = [start];
    dist[start.key(this.width)] = 0;
    for (let head = 0; head < queue.length; head++) {
      const p = queue[head];
      const d = dist[p.key(this.width)];
      for (const q of this.neighbors(p)) {
        const k = q.key(this.width);
        if (dist[k] === -1) { dist[k] = d + 1; queue.push(q); }
      }
    }
    return { dist, reached: queue.length };
  }
  toGraph() {
    const g = new Graph(this.width * this.height);
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const p = new Point(x, y);
        if (!this.isOpen(p)) continue;
        for (const q of this.neighbors(p)) {
          if (q.key(this.width) > p.key(this.width)) g.addUndirected(p.key(this.width), q.key(this.width), 1 + ((x * 7 + y * 13) % 5));
        }
      }
    }
    return g;
  }
}

function randomGraph(n, edgesPerVertex, seed) {
  const g = new Graph(n);
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  for (let v = 0; v < n; v++) {
    for (let e = 0; e < edgesPerVertex; e++) g.addEdge(v, next() % n, 1 + (next() % 100));
    if (v + 1 < n) g.addEdge(v, v + 1, 50);
  }
  return g;
}

function pathLength(prev, target) {
  let len = 0;
  for (let v = target; v !== -1; v = prev[v]) len++;
  return len;
}

export function run() {
  let checksum = 0;
  const g = randomGraph(20000, 5, 99);
  for (let s = 0; s < 12; s++) {
    const { dist, prev } = g.shortestPaths(s * 1013);
    for (let v = 0; v < dist.length; v += 37) if (dist[v] !== Infinity) checksum = (checksum + dist[v]) >>> 0;
    checksum = (checksum + pathLength(prev, 19999)) >>> 0;
  }
  const grid = new Grid(220, 220, 0.28, 7);
  for (let s = 0; s < 12; s++) {
    const start = new Point((s * 31) % 220, (s * 17) % 220);
    if (!grid.isOpen(start)) continue;
    const { dist, reached } = grid.bfs(start);
    checksum = (checksum + reached + dist[dist.length - 1]) >>> 0;
  }
  const gg = grid.toGraph();
  const { dist } = gg.shortestPaths(0);
  checksum = (checksum + (dist[dist.length - 1] === Infinity ? 7 : dist[dist.length - 1])) >>> 0;
  return checksum;
}
