// Names of private methods/accessors, static methods, and class-field functions.
const show = (label, fn) => console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);

class Service {
  #handle(req, res) {}
  get #state() {
    return 'state';
  }
  static #create(a) {}
  static async #load() {}
  *#iterate() {}
  #arrowField = (a, b) => {};
  #fnField = function (a) {};

  static inspect() {
    const s = new Service();
    return [
      ['private method', s.#handle],
      ['static private', Service.#create],
      ['static async private', Service.#load],
      ['private generator', s.#iterate],
      ['private arrow field', s.#arrowField],
      ['private function field', s.#fnField],
    ];
  }
}
for (const [label, fn] of Service.inspect()) show(label, fn);

class Plain {
  static create() {}
  static async load() {}
  static *gen() {}
  field = function () {};
  static field2 = class {};
}
show('static method', Plain.create);
show('static async', Plain.load);
show('static generator', Plain.gen);
show('instance field function', new Plain().field);
show('static field class', Plain.field2);
console.log('done');
