// EventEmitter invokes plain-function listeners with `this` set to the emitter.
var EventEmitter = require('events');

class Bus extends EventEmitter {
  constructor(name) {
    super();
    this.name = name;
  }
}

var bus = new Bus('main-bus');
var log = [];

bus.on('ping', function (x) {
  log.push('function listener: ' + (this === bus) + ' ' + this.name + ' ' + x);
});
bus.on('ping', (x) => {
  log.push('arrow listener this is module.exports: ' + (this === module.exports) + ' ' + x);
});
bus.once('ping', function () {
  log.push('once listener this: ' + this.name);
});

var owner = {
  label: 'owner',
  handle: function () {
    log.push('method listener this: ' + (this === owner ? 'owner' : this.name));
  },
};
bus.on('ping', owner.handle);
bus.on('ping', owner.handle.bind(owner));

bus.emit('ping', 1);
bus.emit('ping', 2);
log.forEach(function (line) {
  console.log(line);
});
console.log('listener count:', bus.listenerCount('ping'));
console.log('done');
