// Target of the attached-cost micro-benchmark: one hot, tiny method
// (Vec3.prototype.dot) called in a tight loop. bench/child/attach.ts attaches
// one no-op `before` hook to it and compares ns/call with the dormant state.

export class Vec3 {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }
  dot(o) {
    return this.x * o.x + this.y * o.y + this.z * o.z;
  }
}

const vectors = [];
for (let i = 0; i < 16; i++) vectors.push(new Vec3(i * 0.5, 1 - i * 0.25, (i % 3) - 1));

/** Calls vectors[i].dot(vectors[j]) n times and returns the sum (n is a multiple of 16). */
export function loop(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = vectors[i & 15],
      b = vectors[(i >> 4) & 15];
    sum += a.dot(b);
  }
  return sum;
}
