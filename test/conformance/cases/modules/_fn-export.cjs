var calls = 0;
module.exports = function greet(name) {
  calls++;
  return 'greet(' + name + ') call #' + calls + ', this is ' + (this === undefined ? 'undefined' : this === globalThis ? 'globalThis' : 'an object');
};
module.exports.calls = function () {
  return calls;
};
module.exports.Helper = function Helper(v) {
  this.v = v;
};
