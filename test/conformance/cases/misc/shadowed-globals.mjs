// Module-level and function-level bindings that shadow globals used by typical runtime helpers.
const Reflect = { apply: () => 'fake Reflect.apply' };
const Symbol = (d) => `fake symbol ${d}`;
const Object = { freeze: (x) => x, keys: () => ['fake'] };
const print = console.log;

function usesShadows(a, b) {
  return [Reflect.apply(), Symbol('x'), Object.keys({ real: 1 }).join(), a + b].join(' | ');
}
print(usesShadows(1, 2));

class WithShadows {
  static Error = 'static field named Error';
  method(Error = 'param named Error') {
    return Error;
  }
  get Function() {
    return 'getter named Function';
  }
}
print(new WithShadows().method(), '|', new WithShadows().Function, '|', WithShadows.Error);

function withArgumentsAndEvalNames() {
  const inner = (...args) => args.length;
  return inner(1, 2, 3);
}
print('rest args still work:', withArgumentsAndEvalNames());

const Promise = class FakePromise {};
async function asyncStillWorks() {
  await null;
  return 'async function with a module-level Promise shadow';
}
const p = asyncStillWorks();
print('async result is a real promise:', p instanceof globalThis.Promise, p instanceof Promise);
print(await p);

const Array = 'shadowed Array';
function* genWithShadow() {
  yield typeof Array;
}
print('generator with shadowed Array:', [...genWithShadow()].join());
print('done');
