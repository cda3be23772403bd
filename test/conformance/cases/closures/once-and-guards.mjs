// Higher-order helpers built on closures: once, after, limit, and toggle.
const once = (fn) => {
  let called = false;
  let result;
  return function (...args) {
    if (!called) {
      called = true;
      result = fn.apply(this, args);
    }
    return result;
  };
};
const after = (n, fn) => (...args) => (--n <= 0 ? fn(...args) : undefined);
const limit = (n, fn) => {
  let calls = 0;
  return (...args) => (calls++ < n ? fn(...args) : `limit of ${n} reached`);
};
const toggle = (...states) => {
  let i = -1;
  return () => states[(i = (i + 1) % states.length)];
};

let inits = 0;
const init = once(function (cfg) {
  inits++;
  return `initialized with ${cfg} by ${this?.owner ?? 'nobody'}`;
});
const holder = { owner: 'holder', init };
console.log(holder.init('first'));
console.log(init('second'));
console.log('init calls:', inits);

const ready = after(3, () => 'ready now');
console.log([ready(), ready(), ready(), ready()].map(String).join(','));

const twice = limit(2, (x) => x * 10);
console.log([twice(1), twice(2), twice(3)].join(' | '));

const light = toggle('red', 'green', 'yellow');
console.log(Array.from({ length: 5 }, light).join(' -> '));

const onceEach = ['a', 'b'].map((label) => once(() => `${label} ran`));
console.log(onceEach.map((f) => f()).join(','), onceEach.map((f) => f()).join(','));
console.log('done');
