// Recursion through this.method(), static methods, private methods, and getters.
class TreeNode {
  constructor(value, children = []) {
    this.value = value;
    this.children = children;
  }
  size() {
    return 1 + this.children.reduce((n, c) => n + c.size(), 0);
  }
  get height() {
    return 1 + Math.max(0, ...this.children.map((c) => c.height));
  }
  #paths(prefix) {
    const here = [...prefix, this.value];
    if (this.children.length === 0) return [here.join('/')];
    return this.children.flatMap((c) => c.#paths(here));
  }
  paths() {
    return this.#paths([]);
  }
  static from(spec) {
    const [value, ...kids] = spec;
    return new TreeNode(value, kids.map((k) => TreeNode.from(k)));
  }
  static #count(node) {
    return node.children.length + node.children.reduce((n, c) => n + TreeNode.#count(c), 0);
  }
  static edges(node) {
    return TreeNode.#count(node);
  }
}
const t = TreeNode.from(['root', ['a', ['a1'], ['a2']], ['b', ['b1', ['b1x']]]]);
console.log('size:', t.size(), 'height:', t.height, 'edges:', TreeNode.edges(t));
console.log('paths:', t.paths().join(' '));

const objectRecursion = {
  depth: 0,
  descend(n) {
    if (n === 0) return this.depth;
    this.depth++;
    return this.descend(n - 1);
  },
};
console.log('object method recursion:', objectRecursion.descend(50));
console.log('done');
