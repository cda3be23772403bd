// Error options (cause), AggregateError, and error chains walked by a helper.
function chain(err) {
  const parts = [];
  for (let e = err; e; e = e.cause) parts.push(e instanceof Error ? `${e.name}(${e.message})` : `raw(${e})`);
  return parts.join(' <- ');
}
function readConfig() {
  try {
    JSON.parse('{invalid');
  } catch (e) {
    throw new Error('config unreadable', { cause: e });
  }
}
function start() {
  try {
    readConfig();
  } catch (e) {
    throw new Error('startup failed', { cause: e });
  }
}
try {
  start();
} catch (e) {
  console.log(chain(e));
}

const noCause = new Error('x', {});
const undefinedCause = new Error('x', { cause: undefined });
console.log('cause present?', 'cause' in noCause, 'cause' in undefinedCause);
console.log('primitive cause:', chain(new TypeError('outer', { cause: 'a string' })));

const agg = new AggregateError([new Error('one'), new RangeError('two'), 'three'], 'several failed', { cause: 'root' });
console.log(agg.name, agg.message, agg.errors.length, agg.cause);
console.log('errors:', agg.errors.map((e) => (e instanceof Error ? e.constructor.name : typeof e)).join(','));

async function all() {
  try {
    await Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]);
  } catch (e) {
    return `${e.constructor.name}: ${e.errors.map((x) => x.message).join('+')}`;
  }
}
console.log(await all());
console.log('done');
