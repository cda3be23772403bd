// Abstract base class enforced with new.target.
class Shape {
  constructor(name) {
    if (new.target === Shape) {
      throw new TypeError('Shape is abstract');
    }
    if (typeof this.area !== 'function') {
      throw new TypeError(`${new.target.name} must implement area()`);
    }
    this.name = name;
  }
  describe() {
    return `${this.name} area=${this.area().toFixed(2)}`;
  }
}

class Circle extends Shape {
  constructor(r) {
    super('circle');
    this.r = r;
  }
  area() {
    return Math.PI * this.r * this.r;
  }
}
class Rect extends Shape {
  constructor(w, h) {
    super('rect');
    Object.assign(this, { w, h });
  }
  area() {
    return this.w * this.h;
  }
}
class Broken extends Shape {
  constructor() {
    super('broken');
  }
}

for (const make of [() => new Shape('s'), () => new Circle(1), () => new Rect(2, 3), () => new Broken()]) {
  try {
    console.log(make().describe());
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
}
console.log('done');
