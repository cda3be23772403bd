// Workload (a): small vector/matrix classes with many tiny methods and getters,
// driving a particle simulation with springs, gravity and wall collisions.

class Random {
  #state;
  constructor(seed) { this.#state = seed >>> 0; }
  next() {
    let t = (this.#state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(lo, hi) { return lo + (hi - lo) * this.next(); }
}

export class Vec2 {
  constructor(x = 0, y = 0) { this.x = x; this.y = y; }
  static zero() { return new Vec2(0, 0); }
  static polar(r, theta) { return new Vec2(r * Math.cos(theta), r * Math.sin(theta)); }
  add(o) { return new Vec2(this.x + o.x, this.y + o.y); }
  sub(o) { return new Vec2(this.x - o.x, this.y - o.y); }
  scale(k) { return new Vec2(this.x * k, this.y * k); }
  dot(o) { return this.x * o.x + this.y * o.y; }
  cross(o) { return this.x * o.y - this.y * o.x; }
  get lengthSq() { return this.dot(this); }
  get length() { return Math.sqrt(this.lengthSq); }
  get normalized() { const l = this.length; return l > 0 ? this.scale(1 / l) : Vec2.zero(); }
  get perp() { return new Vec2(-this.y, this.x); }
  addInPlace(o) { this.x += o.x; this.y += o.y; return this; }
  equals(o, eps = 1e-9) { return Math.abs(this.x - o.x) < eps && Math.abs(this.y - o.y) < eps; }
}

export class Vec3 {
  constructor(x = 0, y = 0, z = 0) { this.x = x; this.y = y; this.z = z; }
  static of(v2, z) { return new Vec3(v2.x, v2.y, z); }
  add(o) { return new Vec3(this.x + o.x, this.y + o.y, this.z + o.z); }
  sub(o) { return new Vec3(this.x - o.x, this.y - o.y, this.z - o.z); }
  scale(k) { return new Vec3(this.x * k, this.y * k, this.z * k); }
  dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
  cross(o) {
    return new Vec3(this.y * o.z - this.z * o.y, this.z * o.x - this.x * o.z, this.x * o.y - this.y * o.x);
  }
  get length() { return Math.sqrt(this.dot(this)); }
  get xy() { return new Vec2(this.x, this.y); }
}

export class Mat3 {
  constructor(m) { this.m = m; }
  static identity() { return new Mat3([1, 0, 0, 0, 1, 0, 0, 0, 1]); }
  static rotation(theta) {
    const c = Math.cos(theta), s = Math.sin(theta);
    return new Mat3([c, -s, 0, s, c, 0, 0, 0, 1]);
  }
  static translation(tx, ty) { return new Mat3([1, 0, tx, 0, 1, ty, 0, 0, 1]); }
  get(r, c) { return this.m[r * 3 + c]; }
  row(r) { return new Vec3(this.get(r, 0), this.get(r, 1), this.get(r, 2)); }
  col(c) { return new Vec3(this.get(0, c), this.get(1, c), this.get(2, c)); }
  multiply(o) {
    const out = new Array(9);
    for (let r = 0; r < 3; r++) {
      const row = this.row(r);
      for (let c = 0; c < 3; c++) out[r * 3 + c] = row.dot(o.col(c));
    }
    return new Mat3(out);
  }
  transformPoint(p) {
    const v = Vec3.of(p, 1);
    return new Vec2(this.row(0).dot(v), this.row(1).dot(v));
  }
  get determinant() {
    return this.row(0).dot(this.row(1).cross(this.row(2)));
  }
}

class Particle {
  #mass;
  constructor(id, position, velocity, mass) {
    this.id = id;
    this.position = position;
    this.velocity = velocity;
    this.#mass = mass;
    this.force = Vec2.zero();
  }
  get mass() { return this.#mass; }
  get inverseMass() { return 1 / this.#mass; }
  get momentum() { return this.velocity.scale(this.#mass); }
  get kineticEnergy() { return 0.5 * this.#mass * this.velocity.lengthSq; }
  applyForce(f) { this.force.addInPlace(f); }
  clearForce() { this.force = Vec2.zero(); }
  integrate(dt) {
    const acceleration = this.force.scale(this.inverseMass);
    this.velocity = this.velocity.add(acceleration.scale(dt));
    this.position = this.position.add(this.velocity.scale(dt));
  }
}

class Spring {
  constructor(a, b, restLength, stiffness, damping) {
    this.a = a; this.b = b; this.restLength = restLength; this.stiffness = stiffness; this.damping = damping;
  }
  get delta() { return this.b.position.sub(this.a.position); }
  get extension() { return this.delta.length - this.restLength; }
  apply() {
    const d = this.delta;
    const len = d.length;
    if (len === 0) return;
    const dir = d.scale(1 / len);
    const relVel = this.b.velocity.sub(this.a.velocity).dot(dir);
    const magnitude = this.stiffness * (len - this.restLength) + this.damping * relVel;
    const f = dir.scale(magnitude);
    this.a.applyForce(f);
    this.b.applyForce(f.scale(-1));
  }
}

class Bounds {
  constructor(min, max) { this.min = min; this.max = max; }
  get width() { return this.max.x - this.min.x; }
  get height() { return this.max.y - this.min.y; }
  contains(p) { return p.x >= this.min.x && p.x <= this.max.x && p.y >= this.min.y && p.y <= this.max.y; }
  reflect(particle, restitution) {
    const p = particle.position, v = particle.velocity;
    if (p.x < this.min.x) { p.x = this.min.x; v.x = -v.x * restitution; }
    else if (p.x > this.max.x) { p.x = this.max.x; v.x = -v.x * restitution; }
    if (p.y < this.min.y) { p.y = this.min.y; v.y = -v.y * restitution; }
    else if (p.y > this.max.y) { p.y = this.max.y; v.y = -v.y * restitution; }
  }
}

class World {
  constructor(particleCount, seed) {
    const rnd = new Random(seed);
    this.bounds = new Bounds(new Vec2(-50, -50), new Vec2(50, 50));
    this.gravity = new Vec2(0, -9.81);
    this.particles = [];
    this.springs = [];
    for (let i = 0; i < particleCount; i++) {
      const pos = Vec2.polar(rnd.range(0, 40), rnd.range(0, Math.PI * 2));
      const vel = new Vec2(rnd.range(-5, 5), rnd.range(-5, 5));
      this.particles.push(new Particle(i, pos, vel, rnd.range(0.5, 3)));
    }
    for (let i = 1; i < particleCount; i++) {
      const a = this.particles[i - 1], b = this.particles[i];
      this.springs.push(new Spring(a, b, b.position.sub(a.position).length, 4, 0.2));
    }
    this.time = 0;
  }
  get totalEnergy() {
    let e = 0;
    for (const p of this.particles) e += p.kineticEnergy;
    return e;
  }
  get centerOfMass() {
    let sum = Vec2.zero(), m = 0;
    for (const p of this.particles) { sum = sum.add(p.position.scale(p.mass)); m += p.mass; }
    return sum.scale(1 / m);
  }
  step(dt) {
    for (const p of this.particles) {
      p.clearForce();
      p.applyForce(this.gravity.scale(p.mass));
      p.applyForce(p.velocity.scale(-0.01));
    }
    for (const s of this.springs) s.apply();
    for (const p of this.particles) {
      p.integrate(dt);
      if (!this.bounds.contains(p.position)) this.bounds.reflect(p, 0.8);
    }
    this.time += dt;
  }
  rotateAll(theta) {
    const m = Mat3.translation(1, -1).multiply(Mat3.rotation(theta));
    for (const p of this.particles) p.position = m.transformPoint(p.position);
    return m.determinant;
  }
}

export function run() {
  const world = new World(400, 12345);
  let checksum = 0;
  for (let step = 0; step < 20000; step++) {
    world.step(0.004);
    if (step % 500 === 0) {
      checksum += world.rotateAll(0.001 * step);
      checksum += world.totalEnergy * 1e-6;
      const c = world.centerOfMass;
      checksum += c.x + c.y;
    }
  }
  for (const p of world.particles) checksum += p.position.x * 0.001 + p.momentum.y * 0.0001;
  return Math.round(checksum * 1e6);
}
