// Tagged templates called as member expressions pass the object as `this`.
var formatter = {
  open: '<',
  close: '>',
  wrap: function (strings) {
    var values = Array.prototype.slice.call(arguments, 1);
    var out = strings[0];
    for (var i = 0; i < values.length; i++) {
      out += this.open + values[i] + this.close + strings[i + 1];
    }
    return out;
  },
};

var a = 1, b = 'two';
console.log(formatter.wrap`a=${a}, b=${b}.`);
console.log(formatter['wrap']`computed ${a}`);

function bare(strings) {
  return this === globalThis ? 'global this' : 'other this';
}
console.log(bare`x`);

var detached = formatter.wrap;
console.log('detached tag uses globalThis:', detached`v=${1}`);
globalThis.open = '{';
globalThis.close = '}';
console.log('detached tag with globals set:', detached`v=${2}`);
delete globalThis.open;
delete globalThis.close;

var square = { open: '[', close: ']' };
console.log(formatter.wrap.bind(square)`bound ${a} and ${b}`);

var chained = {
  n: 0,
  tag: function () {
    this.n++;
    return this;
  },
};
chained.tag`a`.tag`b`.tag`c`;
console.log('chained tags count:', chained.n);
console.log('done');
