// Rejections from async functions: caught by try/await, by .catch, and via Promise combinators.
class AppError extends Error {
  constructor(msg, code) {
    super(msg);
    this.name = 'AppError';
    this.code = code;
  }
}
async function fail(code) {
  await null;
  throw new AppError(`failed with ${code}`, code);
}
async function failSync() {
  throw new AppError('thrown before any await', 0);
}

async function caller() {
  try {
    await fail(1);
  } catch (e) {
    return `caller caught ${e.name} ${e.code}`;
  }
}
console.log(await caller());

const p = failSync();
console.log('failSync returned a promise:', p instanceof Promise);
await p.catch((e) => console.log('.catch got:', e.message));

const settled = await Promise.allSettled([fail(2), Promise.resolve('ok'), failSync()]);
console.log('allSettled:', settled.map((s) => (s.status === 'fulfilled' ? s.value : `${s.reason.code}`)).join(','));

try {
  await Promise.all([fail(3), fail(4)]);
} catch (e) {
  console.log('Promise.all rejects with first:', e.code);
}

try {
  await Promise.any([fail(5), failSync()]);
} catch (e) {
  console.log('Promise.any:', e.constructor.name, e.errors.map((x) => x.code).join(','));
}

const rejectsNonError = async () => {
  throw 'just a string';
};
console.log('non-error rejection:', await rejectsNonError().catch((r) => `${typeof r}: ${r}`));

async function rethrow() {
  try {
    await fail(6);
  } catch (e) {
    e.message += ' (wrapped)';
    throw e;
  }
}
console.log(await rethrow().then(() => 'no', (e) => e.message));
console.log('done');
