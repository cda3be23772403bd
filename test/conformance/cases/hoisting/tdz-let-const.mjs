// Temporal dead zone for let/const: access before initialization throws ReferenceError.
function attempt(label, fn) {
  try {
    console.log(label, '->', fn());
  } catch (e) {
    console.log(label, '->', `${e.constructor.name}: ${e.message}`);
  }
}

attempt('read let before declaration', () => {
  const v = x;
  let x = 1;
  return v;
});
attempt('typeof in TDZ', () => {
  const t = typeof y;
  const y = 2;
  return t;
});
attempt('closure called too early', () => {
  const read = () => z;
  const early = (() => {
    try {
      return read();
    } catch (e) {
      return e.constructor.name;
    }
  })();
  let z = 'ready';
  return `${early} then ${read()}`;
});
attempt('self-reference in initializer', () => {
  let a = a + 1;
  return a;
});
attempt('shadowing let in inner block', () => {
  let s = 'outer';
  {
    const r = (() => s)();
    let s2 = r;
    return s2;
  }
});
attempt('inner block TDZ shadows outer', () => {
  let w = 'outer';
  {
    try {
      w;
    } catch (e) {
      return 'inner TDZ: ' + e.constructor.name;
    }
    let w = 'inner';
  }
});
attempt('assignment in TDZ', () => {
  q = 5;
  let q;
  return q;
});
console.log('done');
