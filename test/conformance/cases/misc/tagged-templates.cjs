// Tag functions of every kind: member expressions, call results, String.raw, and evaluation order.
var log = [];
function v(x) {
  log.push('value ' + x);
  return x;
}
function tagFactory(name) {
  log.push('factory ' + name);
  return function (strings) {
    log.push('tag ' + name + ' called');
    return name + ':' + strings.join('|') + ':' + Array.prototype.slice.call(arguments, 1).join(',');
  };
}
console.log(tagFactory('A')`x${v(1)}y${v(2)}z`);
console.log('order:', log.join(' > '));

console.log(String.raw`C:\path\to\file ${1 + 1}`);
var html = function (strings) {
  var values = Array.prototype.slice.call(arguments, 1);
  return strings.reduce(function (out, s, i) {
    var val = i < values.length ? String(values[i]).replace(/</g, '&lt;') : '';
    return out + s + val;
  }, '');
};
console.log(html`<p>${'<script>'}</p>`);

var obj = {
  prefix: '>>',
  tag: function (s, x) {
    return this.prefix + s[0] + x + s[1];
  },
};
console.log(obj.tag`(${'member tag'})`);
var arrowTag = (s, ...xs) => s.length + ' strings, ' + xs.length + ' values';
console.log(arrowTag``, '|', arrowTag`${1}${2}`);

var nested = function (s, inner) {
  return '{' + s[0] + inner + s[1] + '}';
};
console.log(nested`outer ${nested`inner ${'x'} part`} end`);
console.log('done');
