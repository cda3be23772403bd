// Rethrowing preserves identity and the original stack; wrapping uses `cause`.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

function origin() {
  throw new Error('original failure');
}
let firstCaught;
function middle() {
  try {
    origin();
  } catch (e) {
    firstCaught = e;
    throw e;
  }
}
try {
  middle();
} catch (e) {
  console.log('same object:', e === firstCaught);
  console.log('stack from original throw site:', frames(e).join(' <- '));
}

function wrap() {
  try {
    origin();
  } catch (e) {
    throw new Error('wrapped failure', { cause: e });
  }
}
try {
  wrap();
} catch (e) {
  console.log(e.message, '| cause:', e.cause.message, '| cause is Error:', e.cause instanceof Error);
  console.log('wrapper stack:', frames(e).join(' <- '));
  console.log('cause stack:', frames(e.cause).join(' <- '));
}

function conditionalRethrow(kind) {
  try {
    if (kind === 'type') throw new TypeError('type problem');
    throw new RangeError('range problem');
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return `handled ${e.constructor.name}`;
  }
}
console.log(conditionalRethrow('type'));
try {
  conditionalRethrow('range');
} catch (e) {
  console.log('rethrown:', e.constructor.name, e.message);
}
console.log('done');
