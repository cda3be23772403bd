exports.add = function (a, b) {
  return a + b;
};
exports.VERSION = '1.2.3';
exports.counter = 0;
exports.bump = function () {
  exports.counter++;
  return exports.counter;
};
module.exports.Thing = class Thing {
  hi() {
    return 'hi from Thing';
  }
};
