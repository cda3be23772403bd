// return in nested functions, callbacks, and arrows only exits the innermost function.
function outer() {
  const results = [];
  [1, 2, 3, 4].forEach((n) => {
    if (n % 2) return;
    results.push(n);
  });
  function inner() {
    return 'inner returned';
  }
  const v = inner();
  results.push(v);
  const fromArrow = (() => {
    if (true) return 'arrow returned';
  })();
  results.push(fromArrow);
  return results.join(', ');
}
console.log(outer());

function earlyExitFromSome(values) {
  let visited = 0;
  const found = values.some((v) => {
    visited++;
    return v > 10;
  });
  return `found=${found} visited=${visited}`;
}
console.log(earlyExitFromSome([1, 20, 3, 40]));

function findWithLoopVsCallback(arr) {
  const viaCallback = (() => {
    arr.forEach((x) => {
      if (x === 'target') return 'this return is ignored by forEach';
    });
    return 'forEach completed';
  })();
  const viaLoop = (() => {
    for (const x of arr) if (x === 'target') return 'loop returned early';
    return 'loop completed';
  })();
  return [viaCallback, viaLoop].join(' | ');
}
console.log(findWithLoopVsCallback(['a', 'target', 'b']));

const deep = () => () => () => {
  return 'three levels deep';
};
console.log(deep()()());

function returnsFromGetterAndSetter() {
  const o = {
    get v() {
      return 'getter return';
    },
    set v(x) {
      return 'ignored setter return';
    },
  };
  return [o.v, (o.v = 'assigned')].join(' | ');
}
console.log(returnsFromGetterAndSetter());
console.log('done');
