// Async arrows, async methods, async class methods and their this/arguments bindings.
class Repo {
  constructor(name) {
    this.name = name;
    this.items = [];
  }
  async add(item) {
    await null;
    this.items.push(item);
    return this.items.length;
  }
  async addAll(items) {
    var results = await Promise.all(items.map(async (item) => this.add(item + '!')));
    return results;
  }
  static async create(name) {
    var r = new this(name);
    await r.add('seed');
    return r;
  }
}

var obj = {
  label: 'obj',
  async method() {
    await null;
    return this.label;
  },
  arrowProp: async () => typeof this,
  classic: async function () {
    return arguments.length;
  },
};

async function main() {
  var repo = await Repo.create('r1');
  console.log('created', repo.name, repo.items.join(','));
  console.log('addAll lengths:', (await repo.addAll(['a', 'b', 'c'])).join(','));
  console.log('items:', repo.items.join(','));
  console.log('object async method this:', await obj.method());
  console.log('async arrow property this (module.exports object):', await obj.arrowProp());
  console.log('async function arguments:', await obj.classic(1, 2, 3));
  var detached = obj.method;
  globalThis.label = 'global label';
  console.log('detached sloppy async method reads globalThis:', await detached.call(undefined));
  delete globalThis.label;
  var sum = async (...xs) => xs.reduce((a, b) => a + b, 0);
  console.log('async arrow rest:', await sum(1, 2, 3));
  var immediate = await (async () => 'async arrow IIFE')();
  console.log(immediate);
}
main().then(function () {
  console.log('done');
});
