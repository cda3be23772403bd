// Proxy handler traps written as methods (concise, function, arrow, class methods).
const log = [];
class Handler {
  constructor(name) {
    this.name = name;
  }
  get(target, key, receiver) {
    log.push(`${this.name}.get ${String(key)}`);
    return Reflect.get(target, key, receiver);
  }
  set(target, key, value, receiver) {
    log.push(`${this.name}.set ${String(key)}=${value}`);
    return Reflect.set(target, key, value, receiver);
  }
  has(target, key) {
    log.push(`${this.name}.has ${String(key)}`);
    return key.startsWith?.('_') ? false : key in target;
  }
  deleteProperty(target, key) {
    log.push(`${this.name}.delete ${String(key)}`);
    return delete target[key];
  }
  ownKeys(target) {
    log.push(`${this.name}.ownKeys`);
    return Reflect.ownKeys(target).filter((k) => typeof k !== 'string' || !k.startsWith('_'));
  }
}
const target = { visible: 1, _hidden: 2 };
const p = new Proxy(target, new Handler('H'));
p.visible;
p.added = 3;
'_hidden' in p;
'visible' in p;
delete p.added;
console.log('keys:', Object.keys(p).join(','));
console.log(log.join('\n'));

const fnProxy = new Proxy(function original(a, b) { return a + b; }, {
  apply: function (target, thisArg, args) {
    return `apply(${target.name}, this=${thisArg?.tag}, ${args}) -> ${target(...args)}`;
  },
  construct: (target, args) => ({ constructedWith: args.join('+') }),
});
console.log(fnProxy(1, 2));
console.log(fnProxy.call({ tag: 'T' }, 3, 4));
console.log(JSON.stringify(new fnProxy(5, 6)));
console.log('name/length through proxy:', fnProxy.name, fnProxy.length, typeof fnProxy);

const revocable = Proxy.revocable({}, {});
revocable.revoke();
try {
  revocable.proxy.x;
} catch (e) {
  console.log('revoked proxy:', e.constructor.name);
}
console.log('done');
