// Return and await interplay inside finally blocks of async functions.
const log = [];
async function cleanupAfterReturn() {
  try {
    log.push('try');
    return 'try-value';
  } finally {
    await null;
    log.push('finally after await');
  }
}
console.log(await cleanupAfterReturn(), '|', log.join(','));

log.length = 0;
async function finallyAwaitsRejection() {
  try {
    return 'kept';
  } finally {
    try {
      await Promise.reject(new Error('cleanup failed'));
    } catch (e) {
      log.push(`finally caught ${e.message}`);
    }
  }
}
console.log(await finallyAwaitsRejection(), '|', log.join(','));

async function loopWithFinally() {
  const seen = [];
  for (let i = 0; i < 5; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) return seen;
      seen.push(await i);
    } finally {
      seen.push(`f${i}`);
    }
  }
  return 'unreachable';
}
console.log('loop continue/return with finally:', (await loopWithFinally()).join(','));

async function returnPromiseFromFinally() {
  try {
    throw new Error('discarded');
  } finally {
    return Promise.resolve('promise returned from finally');
  }
}
console.log(await returnPromiseFromFinally());
console.log('done');
