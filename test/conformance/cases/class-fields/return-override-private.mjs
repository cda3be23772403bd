// A base constructor returning an arbitrary object lets subclasses stamp private fields onto it.
class Stamper {
  constructor(obj) {
    return obj;
  }
}
class Tag extends Stamper {
  #tag;
  static tag(obj, value) {
    const o = new Tag(obj);
    o.#tag = value;
    return o;
  }
  static read(obj) {
    return #tag in obj ? obj.#tag : '(untagged)';
  }
}

const plain = { name: 'plain' };
const same = Tag.tag(plain, 'stamped');
console.log('returned object is the same:', same === plain);
console.log('read private from plain object:', Tag.read(plain));
console.log('untagged object:', Tag.read({}));
console.log('plain object keys unaffected:', Object.keys(plain).join(','), JSON.stringify(plain));

try {
  Tag.tag(plain, 'again');
} catch (e) {
  console.log('stamping twice:', e.constructor.name);
}

const frozen = Object.freeze({ frozen: true });
Tag.tag(frozen, 'frozen-but-tagged');
console.log('frozen object can still get private field:', Tag.read(frozen));

class Public extends Stamper {
  added = 'public field';
}
const target = { original: true };
new Public(target);
console.log('public field also added:', JSON.stringify(target));
console.log('done');
