// Proxy construct traps receive newTarget; the trap itself is a method.
var seen = [];
function Real(x) {
  this.x = x;
  this.nt = new.target && new.target.name;
}

var handler = {
  construct: function (target, args, newTarget) {
    seen.push('trap: target=' + target.name + ' newTarget is proxy? ' + (newTarget === P));
    return Reflect.construct(target, args.map(function (a) { return a * 10; }), newTarget);
  },
  apply: function (target, thisArg, args) {
    seen.push('apply trap: ' + args.join(','));
    return 'applied';
  },
};
var P = new Proxy(Real, handler);

var p = new P(4);
console.log('constructed through proxy:', p.x, 'nt.name:', p.nt, 'instanceof Real:', p instanceof Real);
console.log('called through proxy:', P(1, 2));

class Sub extends P {
  constructor() {
    super(7);
    this.sub = true;
  }
}
var s = new Sub();
console.log('subclass of proxy:', s.x, s.nt, s.sub, s instanceof Sub);

seen.forEach(function (l) {
  console.log(l);
});

var badProxy = new Proxy(function () {}, {
  construct: function () {
    return 1;
  },
});
try {
  new badProxy();
} catch (e) {
  console.log('construct trap returning primitive:', e.constructor.name);
}
console.log('done');
