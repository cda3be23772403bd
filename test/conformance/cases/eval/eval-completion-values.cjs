// Completion values returned by eval for different statement kinds.
function show(src) {
  var v = eval(src);
  return JSON.stringify(src) + ' -> ' + (typeof v === 'function' ? 'function' : String(v));
}
[
  '1 + 1',
  'var x = 5',
  'var y = 5; y * 2',
  'if (true) { "then" } else { "else" }',
  'if (false) { "then" }',
  'for (var i = 0; i < 3; i++) { i * 100 }',
  'do { "once" } while (false)',
  'switch (2) { case 1: "one"; break; case 2: "two"; break; }',
  'try { "try" } finally { "finally" }',
  'try { throw 1 } catch (e) { "caught " + e }',
  'function decl() {}',
  '(function expr() {})',
  '{ "block" }',
  'label: { "labeled"; break label; }',
  '',
  '"a"; "b"; "c"',
  'var z = 1; while (z < 5) z *= 2',
].forEach(function (src) {
  console.log(show(src));
});
console.log('non-string argument is returned as-is:', eval(42), typeof eval({ a: 1 }));
console.log('done');
