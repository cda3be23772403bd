export default class {
  constructor(x) {
    this.x = x;
  }
  static describe() {
    return `static on ${this.name}`;
  }
}
