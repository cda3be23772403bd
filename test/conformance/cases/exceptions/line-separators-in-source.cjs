// Line numbers when the source contains U+2028/U+2029 and CRLF line terminators.
var FILE = require('path').basename(__filename);
function frames(e) {
  return e.stack
    .split('\n')
    .filter(function (l) { return l.includes(FILE); })
    .map(function (l) { return l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'); });
}
/* block comment with a LINE SEPARATOR here:  it counts as a line break for V8 */
function afterComment() {
  throw new Error('after block comment');
}
var inString = 'string with PARAGRAPH SEPARATOR inside';
function afterString() {
  throw new Error('after string literal');
}
var inTemplate = `template with LINE SEPARATOR inside`;
function afterTemplate() {
  throw new Error('after template literal');
}
[afterComment, afterString, afterTemplate].forEach(function (fn) {
  try {
    fn();
  } catch (e) {
    console.log(e.message + ': ' + frames(e).join(' <- '));
  }
});
console.log('string lengths:', inString.length, inTemplate.length);
console.log('done');
