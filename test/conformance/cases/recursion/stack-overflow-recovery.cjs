// Unbounded recursion throws RangeError, which can be caught; the program continues normally.
function infinite(n) {
  return infinite(n + 1) + 1;
}
var caught;
try {
  infinite(0);
} catch (e) {
  caught = e;
}
console.log('caught:', caught.constructor.name, '|', caught.message);
console.log('instanceof RangeError:', caught instanceof RangeError);

var obj = {
  get loop() {
    return this.loop;
  },
};
try {
  obj.loop;
} catch (e) {
  console.log('recursive getter:', e.constructor.name);
}

function mutualA() {
  return mutualB();
}
function mutualB() {
  return mutualA();
}
try {
  mutualA();
} catch (e) {
  console.log('mutual recursion:', e.constructor.name);
}

var finallyRuns = 0;
function withFinally() {
  try {
    return withFinally();
  } finally {
    finallyRuns++;
  }
}
try {
  withFinally();
} catch (e) {
  console.log('with finally blocks:', e.constructor.name, 'finally ran at least once:', finallyRuns > 0);
}

function afterwards(n) {
  return n === 0 ? 'stack is usable again' : afterwards(n - 1);
}
console.log(afterwards(1000));
console.log('done');
