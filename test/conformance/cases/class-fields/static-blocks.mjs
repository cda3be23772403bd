// Static initialization blocks interleave with static fields in source order.
const log = [];
let leakedPrivate;

class Registry {
  static #entries = new Map();
  static first = (log.push('field first'), 1);
  static {
    log.push(`block 1 sees first=${this.first} second=${this.second}`);
    this.#entries.set('init', 'from block');
    leakedPrivate = (obj) => Registry.#entries.get(obj);
  }
  static second = (log.push('field second'), 2);
  static {
    log.push(`block 2 sees second=${this.second}`);
    var blockVar = 'var is scoped to the block';
    this.blockVar = blockVar;
  }
  static {
    try {
      this.missing.prop;
    } catch (e) {
      log.push(`block 3 caught ${e.constructor.name}`);
    }
  }
}

console.log(log.join('\n'));
console.log('private accessed via leaked closure:', leakedPrivate('init'));
console.log('block var:', Registry.blockVar, typeof blockVar);

class Sub extends Registry {
  static {
    log.length = 0;
    log.push(`sub block: this=${this.name} super.first=${super.first}`);
  }
}
console.log(log.join(''));
console.log('done');
