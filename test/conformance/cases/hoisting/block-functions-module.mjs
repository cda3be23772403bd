// Module code is strict: block functions are scoped to their blocks, hoisted within them.
const results = [];
{
  results.push(`hoisted within block: ${early()}`);
  function early() {
    return 'early';
  }
}
results.push(`outside block: ${typeof early}`);

if (true) {
  function inIf() {
    return 'inIf';
  }
  results.push(inIf());
}
results.push(`inIf outside: ${typeof inIf}`);

function outer() {
  const inner = [];
  for (const x of [1, 2]) {
    function scoped() {
      return x * 100;
    }
    inner.push(scoped());
  }
  inner.push(typeof scoped);
  return inner.join(',');
}
results.push(`loop: ${outer()}`);

label: {
  function labeledBlockFn() {
    return 'labeled';
  }
  results.push(labeledBlockFn());
  break label;
}
console.log(results.join('\n'));
console.log('top-level declarations are hoisted too:', topLevelLater());
function topLevelLater() {
  return 'declared at end of module';
}
console.log('done');
