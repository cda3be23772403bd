// A few thousand nested frames: the tool must not blow the stack for moderately deep recursion.
function sumTo(n) {
  return n === 0 ? 0 : n + sumTo(n - 1);
}
console.log('sumTo(3000):', sumTo(3000));

const depth = (n) => (n === 0 ? 0 : 1 + depth(n - 1));
console.log('arrow depth 2500:', depth(2500));

class LinkedList {
  constructor(values) {
    this.head = null;
    for (let i = values.length - 1; i >= 0; i--) this.head = { value: values[i], next: this.head };
  }
  static lengthOf(node) {
    return node ? 1 + LinkedList.lengthOf(node.next) : 0;
  }
  sum(node = this.head) {
    return node ? node.value + this.sum(node.next) : 0;
  }
}
const list = new LinkedList(Array.from({ length: 2000 }, (_, i) => i));
console.log('list length:', LinkedList.lengthOf(list.head), 'sum:', list.sum());

function nestedTry(n) {
  try {
    if (n === 0) throw new Error('bottom reached');
    return nestedTry(n - 1);
  } finally {
    nestedTry.unwound = (nestedTry.unwound ?? 0) + 1;
  }
}
try {
  nestedTry(1500);
} catch (e) {
  console.log(e.message, 'finally blocks run:', nestedTry.unwound);
}

function buildNested(n) {
  return n === 0 ? {} : { child: buildNested(n - 1) };
}
function measure(o) {
  return o.child ? 1 + measure(o.child) : 0;
}
console.log('nested object depth:', measure(buildNested(2000)));
console.log('done');
