// `return await` vs `return` of a rejected promise inside try/catch/finally in async functions.
const fail = (msg) => Promise.reject(new Error(msg));
const log = [];

async function plainReturn() {
  try {
    return fail('plain');
  } catch (e) {
    log.push('plainReturn catch (never)');
    return 'caught';
  } finally {
    log.push('plainReturn finally');
  }
}
async function awaitedReturn() {
  try {
    return await fail('awaited');
  } catch (e) {
    log.push(`awaitedReturn catch ${e.message}`);
    return 'caught';
  } finally {
    log.push('awaitedReturn finally');
  }
}
async function returnThenFinallyAwait() {
  try {
    return 'value';
  } finally {
    await null;
    log.push('finally awaited after return value was computed');
  }
}

console.log('plain:', await plainReturn().catch((e) => `rejected with ${e.message}`));
console.log('awaited:', await awaitedReturn());
console.log('finally await:', await returnThenFinallyAwait());
console.log(log.join('\n'));

const arrowPlain = async () => fail('arrow');
const arrowAwait = async () => {
  try {
    return await fail('arrow awaited');
  } catch {
    return 'arrow caught';
  }
};
console.log(await arrowPlain().catch((e) => e.message), '|', await arrowAwait());
console.log('done');
