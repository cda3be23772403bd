// Proxies and accessors: get/set traps receive the receiver; accessors run with the proxy as this.
var log = [];
var target = {
  _x: 1,
  get x() {
    log.push('getter this is proxy: ' + (this === proxy));
    return this._x;
  },
  set x(v) {
    log.push('setter this is proxy: ' + (this === proxy));
    this._x = v;
  },
};
var proxy = new Proxy(target, {
  get: function (t, key, receiver) {
    log.push('get trap ' + String(key));
    return Reflect.get(t, key, receiver);
  },
  set: function (t, key, value, receiver) {
    log.push('set trap ' + String(key) + '=' + value);
    return Reflect.set(t, key, value, receiver);
  },
  defineProperty: function (t, key, desc) {
    log.push('defineProperty trap ' + String(key));
    return Reflect.defineProperty(t, key, desc);
  },
  getOwnPropertyDescriptor: function (t, key) {
    log.push('gOPD trap ' + String(key));
    return Reflect.getOwnPropertyDescriptor(t, key);
  },
});

console.log('read:', proxy.x);
console.log(log.join('\n'));
log.length = 0;
proxy.x = 5;
console.log(log.join('\n'));
console.log('target._x:', target._x);

log.length = 0;
var child = Object.create(proxy);
console.log('through prototype proxy:', child.x);
console.log(log.join('\n'));
console.log('done');
