// Automatic semicolon insertion after `return`: a newline ends the statement.
function returnNewline() {
  return
  'this string is an unreachable expression statement';
}
console.log('return followed by newline:', returnNewline());

function returnNewlineObject() {
  return
  {
    value: 1;
  }
}
console.log('return newline then block:', returnNewlineObject());

function returnParenStartsSameLine() {
  return (
    'parenthesized value starting on the return line'
  );
}
console.log(returnParenStartsSameLine());

function returnWithComment() {
  return /* inline comment */ 'value after inline comment';
}
console.log(returnWithComment());

function returnWithLineCommentThenValue() {
  return // line comment ends the statement
  'unreachable';
}
console.log('return then line comment:', returnWithLineCommentThenValue());

function returnMultilineBlockComment() {
  return /*
  multi-line comment containing a line terminator
  */ 'also unreachable';
}
console.log('return then multi-line block comment:', returnMultilineBlockComment());

function returnNoSemicolons(a) {
  if (a) return 'truthy'
  return 'falsy'
}
console.log('no semicolons:', returnNoSemicolons(1), returnNoSemicolons(0))

function returnThenArrayOnNextLine() {
  var arr = ['x']
  return arr
  [0]
}
console.log('return arr newline [0] continues the expression:', returnThenArrayOnNextLine())

function returnInSingleLineIf(v) { if (v > 1) return 'big'; else return 'small' }
console.log(returnInSingleLineIf(2), returnInSingleLineIf(0))
console.log('done')
