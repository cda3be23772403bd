'use strict';
// Strict CommonJS file: callbacks, timers-free async callbacks and event listeners see undefined/explicit this.
var EventEmitter = require('events');
var results = [];

[1].forEach(function () {
  results.push('forEach without thisArg: ' + this);
});
[1].forEach(function () {
  results.push('forEach with primitive thisArg: ' + typeof this);
}, 42);
results.push('top-level this is module.exports: ' + (this === module.exports));

var emitter = new EventEmitter();
emitter.on('evt', function () {
  results.push('listener this is emitter: ' + (this === emitter));
});
emitter.emit('evt');

var obj = {
  run: function (cb) {
    return cb();
  },
  describe: function () {
    return this.run(function () {
      return 'nested callback this: ' + this;
    });
  },
};
results.push(obj.describe());

function Timer() {
  this.ticks = 0;
  var self = this;
  this.tick = function () {
    self.ticks++;
    return this === undefined ? 'detached tick this undefined' : 'tick has receiver';
  };
}
var t = new Timer();
var detachedTick = t.tick;
results.push(detachedTick() + ', ticks=' + t.ticks);

queueMicrotask(function () {
  results.push('queueMicrotask callback this: ' + this);
  results.forEach(function (r) {
    console.log(r);
  });
  console.log('done');
});
