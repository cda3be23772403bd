// Labeled blocks as structured early exits, combined with functions and try/finally.
function parseFlags(args) {
  const out = { verbose: false, level: 0, rest: [] };
  for (const a of args) {
    handle: {
      if (a === '-v') {
        out.verbose = true;
        break handle;
      }
      if (a.startsWith('-l')) {
        out.level = Number(a.slice(2)) || 1;
        break handle;
      }
      out.rest.push(a);
    }
  }
  return out;
}
console.log(JSON.stringify(parseFlags(['-v', 'file', '-l3', 'other'])));

function withFinally() {
  const log = [];
  exit: {
    try {
      log.push('try');
      break exit;
    } finally {
      log.push('finally runs on labeled break');
    }
  }
  log.push('after');
  return log.join(' > ');
}
console.log(withFinally());

function nestedBlocks(n) {
  outer: {
    inner: {
      if (n === 1) break inner;
      if (n === 2) break outer;
      return 'fell through both';
    }
    return 'broke inner';
  }
  return 'broke outer';
}
console.log([0, 1, 2].map(nestedBlocks).join(' | '));

function labelAndClosure() {
  const fns = [];
  block: {
    for (let i = 0; i < 5; i++) {
      fns.push(() => i);
      if (i === 2) break block;
    }
  }
  return fns.map((f) => f()).join(',');
}
console.log('closures created before labeled break:', labelAndClosure());
console.log('done');
