// break/continue inside finally discard pending exceptions and returns.
const log = [];
function swallowWithBreak() {
  for (const x of [1, 2, 3]) {
    try {
      throw new Error(`error at ${x}`);
    } finally {
      log.push(`finally ${x} breaks`);
      break;
    }
  }
  return 'exception swallowed by break';
}
console.log(swallowWithBreak(), '|', log.join(', '));

log.length = 0;
function swallowWithContinue() {
  let n = 0;
  for (const x of [1, 2, 3]) {
    try {
      if (x === 2) return `return at ${x}`;
      throw new Error('e');
    } finally {
      n++;
      continue;
    }
  }
  return `all ${n} iterations completed; the return was discarded`;
}
console.log(swallowWithContinue());

function labeledBreak() {
  outer: {
    try {
      return 'try';
    } finally {
      break outer;
    }
  }
  return 'after labeled block';
}
console.log(labeledBreak());

function whileWithFinally() {
  let i = 0;
  const seen = [];
  while (true) {
    try {
      i++;
      if (i > 3) break;
      if (i === 2) continue;
      seen.push(`body ${i}`);
    } finally {
      seen.push(`finally ${i}`);
    }
  }
  return seen.join(', ');
}
console.log(whileWithFinally());
console.log('done');
