// Several levels of nested arrows all resolve `arguments` to the nearest non-arrow function.
function host(...values) {
  const level1 = () => {
    const level2 = () => {
      const level3 = () => [...arguments].join('');
      return level3();
    };
    return level2();
  };
  return level1();
}
console.log('three levels:', host('a', 'b', 'c'));

function counter() {
  const inc = () => arguments.length;
  return [inc(), inc()];
}
console.log('counter:', counter(1, 2).join(','));

class Logger {
  log() {
    return [1, 2, 3].map((n) => `${n}:${arguments[0]}:${arguments.length}`);
  }
}
console.log(new Logger().log('msg', 'extra').join(' '));

function asyncLike() {
  return new Promise((resolve) => {
    queueMicrotask(() => resolve(Array.from(arguments)));
  });
}
console.log('arguments across microtask:', (await asyncLike('x', 'y')).join(','));

const obj = {
  method() {
    return { get: () => arguments[0] };
  },
};
console.log('arrow stored on object:', obj.method('stored').get('ignored'));

function withNestedFunction() {
  const arrow = () =>
    function () {
      return arguments.length;
    };
  return arrow()(1, 2, 3, 4);
}
console.log('function inside arrow has its own arguments:', withNestedFunction('only-one'));
console.log('done');
