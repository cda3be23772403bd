// Named class expressions: the inner name is a const binding visible only inside the class.
const Outer = class Inner {
  static self() {
    return Inner;
  }
  clone() {
    return new Inner();
  }
  static tryReassign() {
    try {
      Inner = null;
      return 'reassigned?!';
    } catch (e) {
      return `${e.constructor.name}: ${e.message}`;
    }
  }
};
console.log('name:', Outer.name, '| inner binding outside:', typeof Inner);
console.log('self reference:', Outer.self() === Outer, new Outer().clone() instanceof Outer);
console.log('reassign inner name:', Outer.tryReassign());

let Alias = Outer;
Alias = null;
console.log('outer variable reassignment does not affect inner name:', Outer.self() === Outer);

const factory = (base) =>
  class Mixed extends base {
    static describe() {
      return `Mixed over ${base.name}, instance of Mixed? ${new Mixed() instanceof Mixed}`;
    }
  };
class A {}
class B {}
const MA = factory(A);
const MB = factory(B);
console.log(MA.describe(), '|', MB.describe(), '| distinct:', MA !== MB);

const anon = class {
  static myName() {
    return this.name;
  }
};
console.log('anonymous class gets variable name:', anon.myName());

const obj = {
  Prop: class {
    static n() {
      return this.name;
    }
  },
};
console.log('class in object literal:', obj.Prop.n());

const Shadow = class Shadow {
  static check() {
    return Shadow === this;
  }
};
console.log('same inner and outer name:', Shadow.check());
console.log('done');
