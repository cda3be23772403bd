// Arrow functions inherit super bindings from the enclosing method or constructor.
class Base {
  constructor(tag) {
    this.tag = tag;
  }
  hello(x) {
    return `hello ${x} from ${this.tag}`;
  }
}

class Derived extends Base {
  constructor(tag) {
    const init = () => super(tag.toUpperCase());
    init();
    this.afterArrowSuper = true;
  }
  greetAll(names) {
    return names.map((n) => super.hello(n));
  }
  deferred() {
    return () => () => super.hello('nested');
  }
}

const d = new Derived('tag');
console.log('super() inside arrow:', d.tag, d.afterArrowSuper);
console.log(d.greetAll(['a', 'b']).join(' / '));
console.log(d.deferred()()());

class TwiceViaArrow extends Base {
  constructor() {
    const s = () => super('once');
    s();
    try {
      s();
    } catch (e) {
      console.log('super() twice via arrow:', e.constructor.name, e.message);
    }
  }
}
new TwiceViaArrow();

class AsyncArrow extends Base {
  async run() {
    const f = async () => {
      await null;
      return super.hello('async-arrow');
    };
    return f();
  }
}
console.log(await new AsyncArrow('aa').run());
console.log('done');
