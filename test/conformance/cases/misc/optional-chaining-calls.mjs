// Optional call forms a?.b(), a.b?.(), a?.[k]?.(), and short-circuiting of the whole chain.
const log = [];
const api = {
  name: 'api',
  get(k) {
    log.push(`get(${k})`);
    return this.name + ':' + k;
  },
  nested: {
    deep: {
      fn() {
        return this === api.nested.deep ? 'this is deep' : 'wrong this';
      },
    },
  },
};
const nothing = null;
const effect = (x) => (log.push(`arg ${x}`), x);

console.log(api?.get(effect(1)));
console.log(nothing?.get(effect(2)));
console.log(api.missing?.(effect(3)));
console.log(api.nested?.deep?.fn?.());
console.log(api?.['get']?.(effect(4)));
console.log(nothing?.a.b.c.d());
console.log((api?.nested).deep.fn());
console.log('log (args skipped when short-circuited):', log.join(', '));

class Emitter {
  handlers = {};
  on(evt, fn) {
    (this.handlers[evt] ??= []).push(fn);
  }
  emit(evt, ...args) {
    return this.handlers[evt]?.map((h) => h?.(...args)) ?? 'no handlers';
  }
}
const e = new Emitter();
e.on('x', (v) => v * 2);
e.on('x', null);
console.log('emit:', JSON.stringify(e.emit('x', 21)), e.emit('y'));

const maybeFn = undefined;
try {
  maybeFn();
} catch (err) {
  console.log('without ?. :', err.constructor.name);
}
const notAFunction = { value: 1 };
try {
  notAFunction.value?.();
} catch (err) {
  console.log('?.() on non-function non-nullish still throws:', err.constructor.name);
}
console.log('done');
