// Methods remember their home object: borrowing a method does not change what super refers to.
class A {
  who() {
    return 'A';
  }
}
class B extends A {
  who() {
    return `B>${super.who()}`;
  }
}
class X {
  who() {
    return 'X';
  }
}
class Y extends X {}

const borrowed = B.prototype.who;
Y.prototype.who = borrowed;
console.log('borrowed method still calls A:', new Y().who());

const plain = { who: borrowed };
console.log('on a plain object:', plain.who());

const objA = { name() { return 'objA'; } };
const objB = {
  __proto__: objA,
  name() {
    return `objB>${super.name()}`;
  },
};
const objC = { __proto__: { name() { return 'other'; } }, name: objB.name };
console.log('object literal method copied:', objC.name());

const assigned = {};
Object.assign(assigned, objB);
console.log('Object.assign keeps home object:', assigned.name());

class Mixin {
  m() {
    return `mixin>${super.m ? super.m() : 'no super.m'}`;
  }
}
class Host {
  m() {
    return 'host';
  }
}
class Combined extends Host {}
Combined.prototype.m = Mixin.prototype.m;
console.log('mixin method uses Mixin home (Object.prototype):', new Combined().m());
console.log('done');
