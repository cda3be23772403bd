export default class {
  constructor(v) {
    this.v = v;
  }
  static kind() {
    return 'anonymous default class';
  }
}
export const anonymousArrow = (() => () => 'inner anonymous arrow')();
export const namedArrow = () => 'named arrow';
