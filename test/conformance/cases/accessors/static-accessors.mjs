// Static getters/setters, including inheritance of static accessors and private static state.
class Settings {
  static #level = 'info';
  static #changes = [];
  static get level() {
    return Settings.#level;
  }
  static set level(v) {
    if (!['debug', 'info', 'warn'].includes(v)) throw new TypeError(`invalid level ${v}`);
    Settings.#changes.push(`${Settings.#level}->${v}`);
    Settings.#level = v;
  }
  static get changes() {
    return Settings.#changes.join(',');
  }
  static get self() {
    return this.name;
  }
}
Settings.level = 'debug';
Settings.level = 'warn';
try {
  Settings.level = 'loud';
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log('level:', Settings.level, 'changes:', Settings.changes);

class Sub extends Settings {}
console.log('inherited static getter, this is Sub:', Sub.self);
Sub.level = 'info';
console.log('inherited static setter writes shared private state:', Settings.level);
console.log('Sub has no own level:', Object.hasOwn(Sub, 'level'));

const d = Object.getOwnPropertyDescriptor(Settings, 'level');
console.log('static accessor names:', d.get.name, '/', d.set.name);
console.log('done');
