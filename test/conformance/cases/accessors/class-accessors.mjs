// Getters and setters in classes: validation, derived values, and descriptor shape.
class Rectangle {
  #w = 0;
  #h = 0;
  constructor(w, h) {
    this.width = w;
    this.height = h;
  }
  get width() {
    return this.#w;
  }
  set width(v) {
    if (typeof v !== 'number' || v < 0) throw new RangeError(`bad width ${v}`);
    this.#w = v;
  }
  get height() {
    return this.#h;
  }
  set height(v) {
    this.#h = Math.max(0, v);
  }
  get area() {
    return this.#w * this.#h;
  }
}

const r = new Rectangle(3, 4);
console.log('area:', r.area);
r.width = 10;
r.height = -5;
console.log('after set:', r.width, r.height, r.area);
try {
  r.width = -1;
} catch (e) {
  console.log(`${e.constructor.name}: ${e.message}`);
}
try {
  r.area = 100;
} catch (e) {
  console.log('assign to getter-only (strict):', e.constructor.name);
}

const d = Object.getOwnPropertyDescriptor(Rectangle.prototype, 'width');
console.log('descriptor:', typeof d.get, typeof d.set, d.enumerable, d.configurable);
console.log('getter name:', d.get.name, 'setter name:', d.set.name, 'lengths:', d.get.length, d.set.length);
console.log('instance own keys:', JSON.stringify(Object.keys(r)));
console.log('prototype names:', Object.getOwnPropertyNames(Rectangle.prototype).join(','));
console.log('done');
