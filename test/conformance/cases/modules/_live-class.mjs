export class Shape {
  area() {
    return 0;
  }
}
export function upgrade() {
  Shape = class Square extends Shape {
    constructor(side = 2) {
      super();
      this.side = side;
    }
    area() {
      return this.side ** 2;
    }
  };
}
export let version = 1;
export function bumpVersion() {
  version++;
}
