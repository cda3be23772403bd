// Mutually recursive declarations rely on hoisting; module-level functions are hoisted across the module.
console.log('isEven(10):', isEven(10), 'isOdd(7):', isOdd(7));

function isEven(n) {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n) {
  return n === 0 ? false : isEven(n - 1);
}

const tokens = tokenize('1 + 2 * 3');
console.log('tokens:', tokens.join(' '));
console.log('parse result:', parseExpr(tokens, { pos: 0 }));

function tokenize(src) {
  return src.split(/\s+/);
}
function parseExpr(toks, st) {
  let v = parseTerm(toks, st);
  while (toks[st.pos] === '+') {
    st.pos++;
    v += parseTerm(toks, st);
  }
  return v;
}
function parseTerm(toks, st) {
  let v = parseAtom(toks, st);
  while (toks[st.pos] === '*') {
    st.pos++;
    v *= parseAtom(toks, st);
  }
  return v;
}
function parseAtom(toks, st) {
  return Number(toks[st.pos++]);
}

export function exportedLater() {
  return 'exported function hoisted';
}
console.log(exportedLater());
console.log('done');
