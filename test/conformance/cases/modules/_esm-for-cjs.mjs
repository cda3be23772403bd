export function fromEsm(x) {
  return `esm says ${x}, this is ${this === undefined ? 'undefined' : 'defined'}`;
}
export default class EsmDefault {
  static create() {
    return new EsmDefault();
  }
  kind() {
    return 'EsmDefault instance';
  }
}
