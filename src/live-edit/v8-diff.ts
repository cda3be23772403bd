/**
 * The text diff V8's LiveEdit computes between a script's old and new source (V8's
 * `LiveEdit::CompareStrings`: a line diff, then a character diff inside each changed run of
 * lines shorter than 800 characters, both by Myers' linear-space algorithm). Which functions
 * V8 can map from the old script to the new one depends on where this diff places its
 * changes, not on where the edit made them; reproducing it tells in advance.
 */

/** A changed range: [start, end) of the old text became [newStart, newEnd) of the new. */
export interface Change {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

const CHUNK_LEN_LIMIT = 800;

/** `cache` keeps the character diffs of changed runs of lines between calls on one old text. */
export function v8Diff(a: string, b: string, cache?: Map<string, Change[]>): Change[] {
  const ends1 = lineEnds(a);
  const ends2 = lineEnds(b);
  const lineStart = (ends: number[], i: number): number =>
    i === 0 ? 0 : lineEnd(ends, i - 1, ends === ends1 ? a.length : b.length);
  const lineEnd = (ends: number[], i: number, length: number): number => (i === ends.length ? length : ends[i]! + 1);
  const start1 = (i: number): number => lineStart(ends1, i);
  const start2 = (i: number): number => lineStart(ends2, i);
  const lines1 = ends1.length + 1;
  const lines2 = ends2.length + 1;
  const lineEquals = (i: number, j: number): boolean => {
    const s1 = start1(i);
    const s2 = start2(j);
    const len = lineEnd(ends1, i, a.length) - s1;
    return len === lineEnd(ends2, j, b.length) - s2 && a.startsWith(b.slice(s2, s2 + len), s1);
  };
  // Common leading and trailing lines take no part (V8's NarrowDownInput).
  let prefix = 0;
  while (prefix < Math.min(lines1, lines2) && lineEquals(prefix, prefix)) prefix++;
  let suffix = 0;
  while (suffix < Math.min(lines1, lines2) - prefix && lineEquals(lines1 - suffix - 1, lines2 - suffix - 1)) suffix++;
  const changes: Change[] = [];
  const equalLines = (i: number, j: number): boolean => lineEquals(i + prefix, j + prefix);
  myers(lines1 - prefix - suffix, lines2 - prefix - suffix, equalLines, (l1, l2, n1, n2) => {
    const p1 = start1(l1 + prefix);
    const p2 = start2(l2 + prefix);
    const len1 = start1(l1 + prefix + n1) - p1;
    const len2 = start2(l2 + prefix + n2) - p2;
    if (len1 < CHUNK_LEN_LIMIT && len2 < CHUNK_LEN_LIMIT) {
      const key = `${p1}:${len1}:${b.slice(p2, p2 + len2)}`;
      let local = cache?.get(key);
      if (!local) {
        const found: Change[] = [];
        myers(
          len1,
          len2,
          (i, j) => a.charCodeAt(p1 + i) === b.charCodeAt(p2 + j),
          (c1, c2, m1, m2) => {
            found.push({ start: c1, end: c1 + m1, newStart: c2, newEnd: c2 + m2 });
          },
        );
        local = found;
        cache?.set(key, local);
      }
      for (const c of local) {
        changes.push({ start: p1 + c.start, end: p1 + c.end, newStart: p2 + c.newStart, newEnd: p2 + c.newEnd });
      }
    } else {
      changes.push({ start: p1, end: p1 + len1, newStart: p2, newEnd: p2 + len2 });
    }
  });
  return changes;
}

/** Positions of line terminators, as V8's `String::CalculateLineEnds` finds them. */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) ends.push(i);
  }
  return ends;
}

interface Point {
  x: number;
  y: number;
}

type Equals = (i: number, j: number) => boolean;
type Chunk = (pos1: number, pos2: number, len1: number, len2: number) => void;

/**
 * Myers' O(ND) difference with the linear-space refinement, exactly as V8's MyersDiffer:
 * the same middle snakes, hence the same choice among equally short edit scripts.
 */
function myers(n: number, m: number, equals: Equals, chunk: Chunk): void {
  const path = new MyersDiffer(n + m + 1, equals).editPath({ x: 0, y: 0 }, { x: n, y: m });
  if (path) reportChunks(path, equals, chunk);
}

/** V8's MyersDiffer: the furthest-reaching paths of each diagonal, forward and in reverse. */
class MyersDiffer {
  private readonly forward: Int32Array;
  private readonly reverse: Int32Array;

  constructor(
    private readonly size: number,
    private readonly equals: Equals,
  ) {
    this.forward = new Int32Array(size);
    this.reverse = new Int32Array(size);
  }

  /** The points of the shortest edit path from `from` to `to`, or undefined when they are one point. */
  editPath(from: Point, to: Point): Point[] | undefined {
    const snake = this.middleSnake(from, to);
    if (!snake) return undefined;
    const head = this.editPath(from, snake[0]);
    const tail = this.editPath(snake[1], to);
    return [...(head ?? [snake[0]]), ...(tail ?? [snake[1]])];
  }

  private middleSnake(tl: Point, br: Point): [Point, Point] | undefined {
    const width = br.x - tl.x;
    const height = br.y - tl.y;
    if (width + height === 0) return undefined;
    const delta = width - height;
    this.set(this.forward, 1, tl.x);
    this.set(this.reverse, -1, br.x);
    for (let d = 0; d <= Math.ceil((width + height) / 2); d++) {
      const snake = this.forwardSnake(tl, br, d, delta) ?? this.reverseSnake(tl, d, delta);
      if (snake) return snake;
    }
    return undefined;
  }

  /** One forward step of `d` differences: the middle snake where it overlaps the reverse paths. */
  private forwardSnake(tl: Point, br: Point, d: number, delta: number): [Point, Point] | undefined {
    const { forward, reverse } = this;
    for (let k = -d; k <= d; k += 2) {
      const from: Point = { x: 0, y: 0 };
      const to: Point = { x: 0, y: 0 };
      if (k === -d || (k !== d && this.at(forward, k - 1) < this.at(forward, k + 1))) {
        from.x = to.x = this.at(forward, k + 1);
      } else {
        from.x = this.at(forward, k - 1);
        to.x = from.x + 1;
      }
      to.y = tl.y + (to.x - tl.x) - k;
      from.y = d === 0 || from.x !== to.x ? to.y : to.y - 1;
      while (before(to, br) && this.equals(to.x, to.y)) {
        to.x++;
        to.y++;
      }
      this.set(forward, k, to.x);
      const l = k - delta;
      if (delta % 2 !== 0 && l >= -d + 1 && l <= d - 1 && to.x >= this.at(reverse, l)) return [from, to];
    }
    return undefined;
  }

  /** One reverse step of `d` differences: the middle snake where it overlaps the forward paths. */
  private reverseSnake(tl: Point, d: number, delta: number): [Point, Point] | undefined {
    const { forward, reverse } = this;
    for (let l = d; l >= -d; l -= 2) {
      const from: Point = { x: 0, y: 0 };
      const to: Point = { x: 0, y: 0 };
      if (l === d || (l !== -d && this.at(reverse, l - 1) > this.at(reverse, l + 1))) {
        from.x = to.x = this.at(reverse, l - 1);
      } else {
        from.x = this.at(reverse, l + 1);
        to.x = from.x - 1;
      }
      const k = l + delta;
      to.y = tl.y + (to.x - tl.x) - k;
      from.y = d === 0 || from.x !== to.x ? to.y : to.y + 1;
      while (before(tl, to) && this.equals(to.x - 1, to.y - 1)) {
        to.x--;
        to.y--;
      }
      this.set(reverse, l, to.x);
      if (delta % 2 === 0 && k >= -d && k <= d && to.x <= this.at(forward, k)) return [to, from];
    }
    return undefined;
  }

  /** Diagonal `k` of a path vector; negative diagonals count from its end. */
  private at(v: Int32Array, k: number): number {
    return v[k >= 0 ? k : this.size + k]!;
  }

  private set(v: Int32Array, k: number, x: number): void {
    v[k >= 0 ? k : this.size + k] = x;
  }
}

function before(p: Point, q: Point): boolean {
  return p.x < q.x && p.y < q.y;
}

/** Walks an edit path and reports each run of changes between equal elements, as V8's result writer sees them. */
function reportChunks(path: Point[], equals: Equals, chunk: Chunk): void {
  let open: Point | undefined;
  const same = (p: Point): void => {
    if (open) chunk(open.x, open.y, p.x - open.x, p.y - open.y);
    open = undefined;
  };
  const walk = (p: Point, q: Point): Point => {
    while (p.x < q.x && p.y < q.y && equals(p.x, p.y)) {
      same(p);
      p = { x: p.x + 1, y: p.y + 1 };
    }
    return p;
  };
  for (let i = 1; i < path.length; i++) {
    let p = walk(path[i - 1]!, path[i]!);
    const q = path[i]!;
    const cmp = q.x - p.x - (q.y - p.y);
    if (cmp === -1 || cmp === 1) {
      open ??= p;
      p = cmp === -1 ? { x: p.x, y: p.y + 1 } : { x: p.x + 1, y: p.y };
    }
    walk(p, q);
  }
  same(path[path.length - 1]!);
}
